"""Turn messy spreadsheet cells into typed values.

Department submissions are typed by hand: full-width digits, approximate amounts ("5万余"), units inside
headers, Excel date serials, numbers stored as text. Every parser here either returns a clean value or
raises CellError with a reason a data clerk can act on, so the loader can report bad cells instead of
silently guessing.
"""

from __future__ import annotations

import csv
import numbers
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

import numpy as np
import pandas as pd


class CellError(ValueError):
    """A cell that cannot be read as its declared type. str(e) is a readable reason (Chinese + English ok)."""


# ---------------------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------------------

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# NFKC would turn m³ into m3; unit headers are compared against aliases written with superscripts,
# so superscript two/three pass through untouched.
_KEEP_AS_WRITTEN = re.compile("([\u00b2\u00b3])")
_WHITESPACE_RUN = re.compile(r"\s+")  # \s covers no-break and ideographic spaces too


def _is_null(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # non-scalars: pd.isna returns an array
        return False


def _to_text(value: object) -> str:
    # calamine returns every xlsx number as float; a code typed as 340202 must read back as "340202".
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _nfkc(text: str) -> str:
    parts = _KEEP_AS_WRITTEN.split(text)
    return "".join(
        part if _KEEP_AS_WRITTEN.fullmatch(part) else unicodedata.normalize("NFKC", part) for part in parts
    )


def normalise_text(value: object) -> str | None:
    """Canonical form of a cell as text, or None when it holds nothing."""
    if _is_null(value):
        return None
    text = _ZERO_WIDTH.sub("", _nfkc(_to_text(value)))
    text = _WHITESPACE_RUN.sub(" ", text).strip()
    return text or None


_MISSING_SPELLINGS = (
    "", "-", "--", "---", "—", "——", "–", "―", "/", "\\",
    "NA", "N/A", "#N/A", "NaN", "null", "None",
    "无数据", "暂无数据", "暂无", "缺测", "缺失",
)  # fmt: skip
# Both the spelling above and its casefolded form, so `text in MISSING_MARKERS` and
# `text.casefold() in MISSING_MARKERS` both work for callers.
MISSING_MARKERS: frozenset[str] = frozenset(
    form for spelling in _MISSING_SPELLINGS for form in (spelling, spelling.casefold())
)


def _missing_text(text: str | None) -> bool:
    return text is None or text.casefold() in MISSING_MARKERS


# ---------------------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedNumber:
    value: float | None
    # None (exact) or one of: '余', '以上', '约', '左右', '近', '多', '以下', '不足', '未检出'
    qualifier: str | None


_MULTIPLIERS = {"千": Decimal(1_000), "万": Decimal(10_000), "亿": Decimal(100_000_000)}
# Comparison signs are how monitoring data writes "above/below" (e.g. "<0.01" below detection limit).
_SIGN_QUALIFIERS = {">": "以上", "≥": "以上", "<": "以下", "≤": "以下"}
# Laboratories write a result below the method detection limit as the limit followed by "L" ("0.01L",
# HJ 630 practice), or without any number ("ND", "未检出"): the value is then unknown but not missing.
_DETECTION_LIMIT_SUFFIX = re.compile(r"(?P<limit>.*\d)\s*L", re.IGNORECASE)
_NOT_DETECTED = frozenset({"nd", "n.d.", "未检出", "低于检出限"})

_NUMBER_RE = re.compile(
    r"""
    (?P<prefix>约|近|不足|[<>≤≥])?\s*
    (?P<sign>[+-])?\s*
    (?P<digits>(?:\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.\d*)?|\.\d+)
    (?P<exponent>[eE][+-]?\d+)?\s*
    (?:(?P<inner>余|多)(?=[千万亿]))?           # "20余万": the qualifier sits before the multiplier
    (?P<multiplier>[千万亿])?\s*
    (?P<percent>%)?\s*
    (?P<suffix>以上|以下|左右|余|多)?
    """,
    re.VERBOSE,
)


# Footnote marks clerks put after a figure ("12*", "12①", "12※", "12¹", "12注1"). NFKC would turn ① and
# ¹ into digits, so they are looked for in the text as typed. Superscripts after a letter are units (m²).
_FOOTNOTE_MARK = re.compile(
    r"[*＊※#＃†‡\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]"
    r"|(?<![A-Za-zμµ])[\u00b9\u00b2\u00b3\u2070-\u2079]"
    r"|注\s*\d*\s*$"
)


@dataclass(frozen=True)
class ColumnUnit:
    """The unit of a number column, for cells that write a unit or a % sign after the figure.

    The rule (docs/source-registry.md): a cell may end with the column's own unit, in any spelling of
    it ("12家" in a 家 column, "0.8 mg/m³" in a mg/m3 column, "83.6%" in a % column), and is read as the
    figure. A % sign, another unit or a footnote mark is rejected naming the cell, never dropped.
    """

    shown: str | None  # the column's unit as headed; None for a column of plain numbers
    is_own: Callable[[str], bool]  # whether a text spells the column's unit
    is_unit: Callable[[str], bool]  # whether a text names any unit


def _number_from_text(text: str, unit: ColumnUnit | None = None) -> tuple[Decimal, str | None]:
    match = _NUMBER_RE.fullmatch(text.replace("−", "-"))
    if match is None or (match["multiplier"] and match["percent"]):
        raise CellError(f'not a number: "{text}" / 非数值')
    if match["percent"] and unit is not None and not unit.is_own("%"):
        raise CellError(
            f'"{text}" carries a % sign but the column is in {unit.shown or "plain numbers"}: '
            f"write the figure in the column's unit / 单元格带百分号，与本列单位「{unit.shown or '无'}」不符"
        )
    qualifiers = [q for q in (match["prefix"], match["inner"], match["suffix"]) if q]
    if len(qualifiers) > 1:
        raise CellError(f'not a number: "{text}" (more than one qualifier) / 非数值（约数词重复）')
    amount = Decimal(match["digits"].replace(",", "").replace(" ", "") + (match["exponent"] or ""))
    if match["sign"] == "-":
        amount = -amount
    if match["multiplier"]:
        amount *= _MULTIPLIERS[match["multiplier"]]
    qualifier = _SIGN_QUALIFIERS.get(qualifiers[0], qualifiers[0]) if qualifiers else None
    return amount, qualifier


def _parse_decimal(
    value: object, allow_qualifier: bool, unit: ColumnUnit | None = None
) -> tuple[Decimal | None, str | None]:
    if isinstance(value, bool | np.bool_):
        raise CellError(f'not a number: "{value}" (yes/no value) / 非数值（是否值）')
    if _is_null(value):
        return None, None
    if isinstance(value, numbers.Real | Decimal):
        try:
            amount = Decimal(str(value))
        except InvalidOperation as error:
            raise CellError(f'not a number: "{value}" / 非数值') from error
        if not amount.is_finite():
            raise CellError(f'not a finite number: "{value}" / 非有限数值')
        return amount, None
    if not isinstance(value, str):
        raise CellError(f'not a number: "{value}" ({type(value).__name__}) / 非数值')
    text = normalise_text(value)
    if _missing_text(text):
        return None, None
    if unit is not None and (mark := _FOOTNOTE_MARK.search(value.strip())):
        raise CellError(
            f'footnote mark "{mark[0].strip()}" in "{value.strip()}": put the note outside the figure / '
            "数值含脚注标记，请将注释写在表外"
        )
    if text.casefold() in _NOT_DETECTED:
        amount, qualifier = None, "未检出"
    elif below_limit := _DETECTION_LIMIT_SUFFIX.fullmatch(text):
        amount, qualifier = _number_from_text(below_limit["limit"], unit)
        if qualifier:
            raise CellError(f'not a number: "{text}" (more than one qualifier) / 非数值（约数词重复）')
        qualifier = "以下"
    elif unit is not None:
        amount, qualifier = _number_with_unit(text, unit)
    else:
        amount, qualifier = _number_from_text(text)
    if qualifier and not allow_qualifier:
        raise CellError(f'approximate value "{text}" not allowed here / 此列不接受约数')
    return amount, qualifier


def _number_with_unit(text: str, unit: ColumnUnit) -> tuple[Decimal, str | None]:
    """A figure, optionally followed by the column's own unit; another unit after it is named."""
    try:
        return _number_from_text(text, unit)
    except CellError as error:
        not_plain = error
    for cut in range(1, len(text)):  # the longest unit first: 万元 before 元
        head, tail = text[:cut].rstrip(), text[cut:].strip()
        if tail == "%" or not (unit.is_own(tail) or unit.is_unit(tail)):
            continue
        try:
            figure = _number_from_text(head, unit)
        except CellError:
            continue
        if unit.is_own(tail):
            return figure
        raise CellError(
            f'"{text}" is written in {tail}, but the column is in {unit.shown or "plain numbers"} / '
            f"单元格中的单位「{tail}」与本列单位「{unit.shown or '无'}」不符"
        )
    raise not_plain


def parse_number(
    value: object, *, allow_qualifier: bool = False, unit: ColumnUnit | None = None
) -> ParsedNumber:
    """A numeric cell. Without `unit` percent text stays in percent ("83.6%" -> 83.6); with the
    column's unit, the ColumnUnit rule applies (own unit read, % / other unit / footnote rejected)."""
    amount, qualifier = _parse_decimal(value, allow_qualifier, unit)
    # Decimal arithmetic first so "2.92万" is exactly 29200.0, not 29199.999999999996.
    return ParsedNumber(None if amount is None else float(amount), qualifier)


def parse_integer(
    value: object, *, allow_qualifier: bool = False, unit: ColumnUnit | None = None
) -> ParsedNumber:
    """Like parse_number, but the value must be whole; it is returned as an int."""
    amount, qualifier = _parse_decimal(value, allow_qualifier, unit)
    if amount is None:
        return ParsedNumber(None, qualifier)
    if amount != amount.to_integral_value():
        raise CellError(f'not an integer: "{normalise_text(value)}" / 非整数')
    return ParsedNumber(int(amount), qualifier)


# ---------------------------------------------------------------------------------------------------------
# Dates and timestamps
# ---------------------------------------------------------------------------------------------------------

_EXCEL_EPOCH = datetime(1899, 12, 30)
_EXCEL_FAKE_LEAP_DAY = 60  # Excel's 1900 system counts a 1900-02-29 that never existed
_MAX_EXCEL_SERIAL = 2_958_465  # 9999-12-31
_SECONDS_PER_DAY = 86_400

_SERIAL_TEXT_RE = re.compile(r"\d+(?:\.\d+)?")
_DATE_TEXT_RES = (
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
_TIME_TEXT_RES = (
    re.compile(r"(\d{1,2}):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?"),
    re.compile(r"(\d{1,2})[时点](?:(\d{1,2})分(?:(\d{1,2}(?:\.\d+)?)秒)?)?"),
)
_SPACE_AROUND_CJK_UNIT = re.compile(r"\s*([年月日号时点分秒])\s*")


def _round_to_second(moment: datetime) -> datetime:
    whole = moment.replace(microsecond=0)
    return whole + timedelta(seconds=1) if moment.microsecond >= 500_000 else whole


def _from_excel_serial(serial: float, shown: object) -> datetime:
    if not 1 <= serial < _MAX_EXCEL_SERIAL + 1:
        raise CellError(f'not a date: "{shown}" (outside the Excel date range) / 日期无法识别')
    if serial < _EXCEL_FAKE_LEAP_DAY:
        serial += 1
    return _EXCEL_EPOCH + timedelta(seconds=round(serial * _SECONDS_PER_DAY))


def _time_of_day(text: str, shown: str) -> timedelta:
    for pattern in _TIME_TEXT_RES:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        hour, minute = int(match[1]), int(match[2] or 0)
        second = float(match[3] or 0)
        # Hour-ending exports label the last hour of a day "24:00"; it means midnight of the next day.
        if hour > 24 or minute > 59 or second >= 60 or (hour == 24 and (minute or second)):
            break
        return timedelta(hours=hour, minutes=minute, seconds=second)
    raise CellError(f'not a date: "{shown}" (bad time of day) / 日期无法识别（时间部分有误）')


def _datetime_from_text(text: str) -> datetime:
    compact = _SPACE_AROUND_CJK_UNIT.sub(r"\1", text)
    for pattern in _DATE_TEXT_RES:
        match = pattern.match(compact)
        if match is None:
            continue
        try:
            day = datetime(int(match[1]), int(match[2]), int(match[3]))
        except ValueError as error:
            raise CellError(f'not a date: "{text}" ({error}) / 日期无法识别') from error
        rest = compact[match.end() :].lstrip("T ")
        return _round_to_second(day + _time_of_day(rest, text)) if rest else day
    if _SERIAL_TEXT_RE.fullmatch(compact):
        return _from_excel_serial(float(compact), text)
    raise CellError(f'not a date: "{text}" / 日期无法识别')


def _to_datetime(value: object) -> datetime | None:
    if isinstance(value, bool | np.bool_):
        raise CellError(f'not a date: "{value}" / 日期无法识别')
    if _is_null(value):
        return None
    if isinstance(value, pd.Timestamp | np.datetime64):
        return pd.Timestamp(value).round("s").to_pydatetime()
    if isinstance(value, datetime):
        return _round_to_second(value)
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, numbers.Real):
        # Beyond the serial range an integral number can only be a yyyymmdd date typed as a number.
        if value > _MAX_EXCEL_SERIAL and float(value).is_integer():
            return _datetime_from_text(str(int(value)))
        return _from_excel_serial(float(value), value)
    if not isinstance(value, str):
        raise CellError(f'not a date: "{value}" ({type(value).__name__}) / 日期无法识别')
    text = normalise_text(value)
    if _missing_text(text):
        return None
    return _datetime_from_text(text)


def parse_date(value: object) -> date | None:
    """A calendar date from a date cell, an Excel serial or date text; any time of day is dropped."""
    moment = _to_datetime(value)
    return None if moment is None else moment.date()


def parse_timestamp(value: object) -> datetime | None:
    """A date and time, rounded to the second (Excel serial fractions are inexact)."""
    return _to_datetime(value)


# ---------------------------------------------------------------------------------------------------------
# Yes / no
# ---------------------------------------------------------------------------------------------------------

_TRUE_WORDS = frozenset({"是", "有", "已", "已安装", "√", "✓", "✔", "y", "yes", "true", "1", "达标"})
_FALSE_WORDS = frozenset({"否", "无", "未", "未安装", "×", "✗", "✘", "n", "no", "false", "0", "不达标"})


def parse_bool(value: object) -> bool | None:
    """A yes/no cell in any of the spellings departments use."""
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if _is_null(value):
        return None
    if isinstance(value, numbers.Real) and value in (0, 1):
        return bool(value)
    text = normalise_text(value)
    if _missing_text(text):
        return None
    word = text.casefold()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise CellError(f'not a yes/no value: "{text}" / 无法识别的是/否值')


# ---------------------------------------------------------------------------------------------------------
# Headers and units
# ---------------------------------------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_TRAILING_UNIT = re.compile(r"(?P<label>.*?)\s*[(\[【](?P<unit>[^()\[\]【】]+)[)\]】]")
_UNIT_PREFIX = re.compile(r"^单位\s*[:：]?\s*")


def _join_lines(match: re.Match[str]) -> str:
    # Chinese headers wrap mid-word ("秋冬季减排\n核查企业"); English words keep a space between them.
    text = match.string
    before = text[match.start() - 1] if match.start() > 0 else ""
    after = text[match.end()] if match.end() < len(text) else ""
    return " " if before.isascii() and after.isascii() and before.isalnum() and after.isalnum() else ""


def split_header(label: object) -> tuple[str, str | None]:
    """Header text -> (label, unit), e.g. "PM2.5(μg/m³)" -> ("PM2.5", "μg/m³")."""
    raw = label if isinstance(label, str) else normalise_text(label)
    text = normalise_text(_LINE_BREAK.sub(_join_lines, raw)) if raw else None
    if text is None:
        return "", None
    match = _TRAILING_UNIT.fullmatch(text)
    if match is None:
        return text, None
    unit = _UNIT_PREFIX.sub("", match["unit"]).strip()
    return match["label"], unit or None


def _read_reference_csv(path: str | Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _aliases(field: str | None) -> list[str]:
    return [alias for alias in (field or "").split("|") if alias.strip()]


def _unit_key(text: str) -> str | None:
    # ASCII case is noise (mg/l vs mg/L); Chinese and Greek letters are compared as written.
    normal = normalise_text(text)
    return None if normal is None else "".join(c.lower() if c.isascii() else c for c in normal)


class UnitTable:
    """Unit aliases and conversion factors from seeds/reference/units.csv.

    Columns unit,dimension,to_base_factor,aliases; aliases separated by '|'.
    """

    def __init__(self, rows: list[dict[str, str]]):
        self._dimension: dict[str, str] = {}
        self._to_base: dict[str, Decimal] = {}
        self._by_key: dict[str, str] = {}
        for row in rows:
            unit = row["unit"].strip()
            self._dimension[unit] = row["dimension"].strip()
            self._to_base[unit] = Decimal(row["to_base_factor"].strip())
            for spelling in [unit, *_aliases(row.get("aliases"))]:
                self._register(_unit_key(spelling), unit)

    def _register(self, key: str | None, unit: str) -> None:
        if key is None:
            return
        if self._by_key.setdefault(key, unit) != unit:
            raise ValueError(f'unit alias "{key}" maps to both {self._by_key[key]} and {unit}')

    @classmethod
    def from_csv(cls, path: str | Path) -> UnitTable:
        return cls(_read_reference_csv(path))

    def units(self) -> set[str]:
        """The canonical unit codes: columns declaring one of these get a `<column>_unit` column."""
        return set(self._dimension)

    def canonical(self, text: str) -> str | None:
        key = _unit_key(text)
        return None if key is None else self._by_key.get(key)

    def factor(self, from_unit: str, to_unit: str) -> float:
        """Multiply a value in from_unit by this to express it in to_unit."""
        source, target = self._known(from_unit), self._known(to_unit)
        if self._dimension[source] != self._dimension[target]:
            raise CellError(
                f"cannot convert {source} ({self._dimension[source]}) to {target} "
                f"({self._dimension[target]}) / 单位量纲不同，无法换算"
            )
        return float(self._to_base[source] / self._to_base[target])

    def _known(self, text: str) -> str:
        unit = self.canonical(text)
        if unit is None:
            raise CellError(f'unknown unit "{text}" / 未知单位')
        return unit


_CITY_PREFIX = re.compile(r"^[^市]{1,4}市(?=.)")


def _district_key(text: object) -> str | None:
    normal = normalise_text(text)
    return None if normal is None else normal.replace(" ", "")


class DistrictTable:
    """District names and aliases from seeds/reference/districts.csv.

    Columns district_code,district_name,district_type,aliases; aliases separated by '|'.
    """

    def __init__(self, rows: list[dict[str, str]]):
        self.names: tuple[str, ...] = tuple(row["district_name"].strip() for row in rows)
        self._aliases: dict[str, tuple[str, ...]] = {
            name: tuple(normalise_text(alias) for alias in _aliases(row.get("aliases")))
            for row, name in zip(rows, self.names, strict=True)
        }
        self._by_key: dict[str, str] = {}
        for name, aliases in self._aliases.items():
            for spelling in (name, *aliases):
                self._by_key[_district_key(spelling)] = name

    @classmethod
    def from_csv(cls, path: str | Path) -> DistrictTable:
        return cls(_read_reference_csv(path))

    def names_with_aliases(self) -> list[tuple[str, tuple[str, ...]]]:
        """(official name, aliases) pairs, for callers that search free text such as file names."""
        return list(self._aliases.items())

    def resolve(self, text: object) -> str:
        """Official district name for a spelling seen in a submission."""
        key = _district_key(text)
        if key is None:
            raise CellError("missing district / 区县为空")
        # Exact first: 无为市 is itself a district and must not lose its 市.
        name = self._by_key.get(key) or self._by_key.get(_CITY_PREFIX.sub("", key))
        if name is None:
            raise CellError(f'unknown district "{text}" / 未知区县')
        return name
