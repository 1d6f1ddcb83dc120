"""Messy-spreadsheet writers and helpers shared by every domain's sample generator.

Real department submissions are not clean tables: a title row sits above the header, group headers
are merged across their 本月/累计 sub-columns and carry units, numbers arrive as text or in full-width
digits, dates as Excel serials, districts under their old names, and some exports are CSV in GBK.
The helpers here produce exactly those features so that the ingest layer is exercised on them.

Nothing here knows about any indicator: domain modules decide the values, these functions only
write them down the way a department would.
"""

from __future__ import annotations

import csv
import shutil
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import xlsxwriter

from dagster_project.figures import bound_range, matches
from dagster_project.ingest.registry import SourceSpec, load_registry

REPO_ROOT = Path(__file__).resolve().parents[1]
REFERENCE_DIR = REPO_ROOT / "seeds" / "reference"
DEFAULT_RAW_DIR = REPO_ROOT / "seeds" / "raw"
# The report's figures are what the sample is aimed at; they are read here as data, never restated.
FIGURES_CSV = REPO_ROOT / "tests" / "data" / "report-2023-figures.csv"

BASE_SEED = 20231205
# A fixed workbook creation time: xlsxwriter otherwise stamps the wall clock into docProps/core.xml,
# and a file whose bytes change on every run looks like a new submission to a change sensor.
FIXED_CREATED = datetime(2023, 12, 5, 9, 0, 0)
EXCEL_EPOCH = datetime(1899, 12, 30)  # Excel's 1900 date system, including its leap-year quirk offset

_FULLWIDTH = str.maketrans("0123456789%-()", "０１２３４５６７８９％－（）")
_HALFWIDTH = str.maketrans("０１２３４５６７８９％－（）．，", "0123456789%-().,")


# --------------------------------------------------------------------------- randomness, folders


def rng_for(domain: str, source: str) -> np.random.Generator:
    """One independent, fixed random stream per source, so editing one source never shifts another."""
    return np.random.default_rng([BASE_SEED, zlib.crc32(f"{domain}/{source}".encode())])


def reset_domain_dir(raw_dir: Path, domain: str) -> Path:
    """Wipe and recreate raw_dir/<domain>; a domain never touches another domain's folder."""
    out = Path(raw_dir) / domain
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    return out


# --------------------------------------------------------------------------- figures aimed at


@dataclass(frozen=True)
class Figure:
    code: str
    text: str  # the figure as the report states it
    qualifier: str  # exact / approx / lower_bound
    quote: str
    compare: str  # e.g. yoy_pct=-2.8

    @property
    def value(self) -> int | float:
        number = float(self.text)
        return int(number) if number.is_integer() else number

    def aim(self, margin: float = 0.0) -> float:
        """A value the pipeline may compute for the figure to hold: the figure itself, or for a lower
        bound a point `margin` of the way into the range it claims (500余 → [500, 600))."""
        if self.qualifier != "lower_bound":
            return self.value
        low, high = bound_range(self.text, self.quote)
        return float(low + (high - low if high is not None else low) * type(low)(str(margin)))

    def previous(self) -> float:
        """Last year's value implied by the stated change (yoy_pct: per cent, yoy_pp: points)."""
        kind, change = self.compare.split("=")
        return self.value / (1 + float(change) / 100) if kind == "yoy_pct" else self.value - float(change)


def load_figures(path: Path = FIGURES_CSV) -> dict[str, Figure]:
    with open(path, encoding="utf-8") as f:
        return {
            row["code"]: Figure(row["code"], row["value"], row["qualifier"], row["quote"], row["compare"])
            for row in csv.DictReader(f)
        }


FIGURES = load_figures()


def figure(code: str) -> int | float:
    return FIGURES[code].value


def aim(code: str, margin: float = 0.0, decimals: int = 0) -> int | float:
    """The number a count (or, with decimals, an amount) is aimed at (see Figure.aim); checked against
    the report's own matching rule so that a margin outside the claimed range fails here."""
    found = FIGURES[code]
    value = round(found.aim(margin), decimals) if decimals else round(found.aim(margin))
    if not matches(value, found.text, found.qualifier, found.quote):
        raise ValueError(f"{code}: aiming at {value} does not give the report's {found.text}")
    return value


def share_of(total: int, code: str) -> int | None:
    """How many of `total` make the rate figure `code` (in %), or None when no whole count does."""
    found = FIGURES[code]
    near = round(total * found.value / 100)
    for count in (near, near - 1, near + 1):
        if 0 <= count <= total and matches(100 * count / total, found.text, found.qualifier, found.quote):
            return count
    return None


# --------------------------------------------------------------------------- districts


@dataclass(frozen=True)
class District:
    code: str
    name: str
    aliases: tuple[str, ...]
    kind: str  # 市辖区 / 县 / 县级市 / 功能区

    @property
    def rural(self) -> bool:
        """A development zone (功能区) has no villages, farms or rural funds."""
        return self.kind != "功能区"


def load_districts(reference_dir: Path = REFERENCE_DIR) -> list[District]:
    """The official district list (seeds/reference/districts.csv) — one home for names and aliases."""
    with open(reference_dir / "districts.csv", encoding="utf-8") as f:
        return [
            District(
                row["district_code"],
                row["district_name"],
                tuple(a for a in row["aliases"].split("|") if a),
                row["district_type"],
            )
            for row in csv.DictReader(f)
        ]


DISTRICTS = load_districts()
BY_NAME = {d.name: d for d in DISTRICTS}


def district_alias(district: District | str, rng: np.random.Generator | None = None) -> str:
    """An alias a department might still write. The first alias in the reference list is the old
    official name (繁昌县, 芜湖县, 无为县, 经开区); with rng, any listed alias may come out."""
    if isinstance(district, str):
        district = BY_NAME[district]
    if not district.aliases:
        return district.name
    if rng is None:
        return district.aliases[0]
    return district.aliases[int(rng.integers(len(district.aliases)))]


# --------------------------------------------------------------------------- cell mess helpers


def to_fullwidth(text: Any) -> str:
    """Full-width digits, %, -, parentheses, as typed with a Chinese IME: '72.5%' -> '７２.５％'."""
    return str(text).translate(_FULLWIDTH)


def from_fullwidth(text: str) -> str:
    """Inverse of to_fullwidth (plus full-width '.' and ','); used to total messy cells."""
    return text.translate(_HALFWIDTH)


@dataclass(frozen=True)
class ExcelSerial:
    """A date cell written as its bare Excel serial number (what a lost cell format looks like)."""

    value: date | datetime


def excel_serial(value: date | datetime) -> float:
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    delta = value - EXCEL_EPOCH
    return delta.days + delta.seconds / 86400


def messy_number(
    value: float | int, rng: np.random.Generator, p_text: float = 0.05, p_fullwidth: float = 0.03
):
    """The number itself, or the same number typed as text, or as full-width text."""
    u = rng.random()
    if u < p_fullwidth:
        return to_fullwidth(value)
    if u < p_fullwidth + p_text:
        return str(value)
    return value


def messy_date(value: date, rng: np.random.Generator, p_serial: float = 0.1, p_text: float = 0.1):
    """A date cell, or its Excel serial, or text in one of the usual hand-typed layouts."""
    u = rng.random()
    if u < p_serial:
        return ExcelSerial(value)
    if u < p_serial + p_text:
        layout = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d")[int(rng.integers(3))]
        return value.strftime(layout)
    return value


def cell_number(cell: Any) -> float | None:
    """The numeric value of a (possibly messy) cell, or None; only used to build 合计 rows."""
    if cell is None or isinstance(cell, bool):
        return None
    if isinstance(cell, int | float | np.integer | np.floating):
        return float(cell)
    if isinstance(cell, str):
        text = from_fullwidth(cell).strip().lstrip("约").replace(",", "")
        try:
            return float(text)
        except ValueError:
            return None
    return None


# --------------------------------------------------------------------------- writers

Column = str | tuple[str, str]  # plain label, or (group label, sub-label) for a two-row header


def _header_rows(columns: Sequence[Column]) -> int:
    return 2 if any(isinstance(c, tuple) for c in columns) else 1


def _total_row(
    rows: Sequence[Sequence[Any] | None],
    columns: Sequence[Column],
    label: str,
    label_col: int,
    total_columns: Iterable[int],
    adjust: dict[int, float] | None,
) -> list[Any]:
    total: list[Any] = [None] * len(columns)
    total[label_col] = label
    for col in total_columns:
        values = [cell_number(r[col]) for r in rows if r is not None]
        numbers = [v for v in values if v is not None]
        value = sum(numbers) + (adjust or {}).get(col, 0)
        total[col] = int(value) if float(value).is_integer() else round(value, 4)
    return total


def write_form_xlsx(
    path: Path,
    sheet: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Any] | None],
    *,
    title: str | None = None,
    subtitle: str | None = None,
    total_columns: Iterable[int] | None = None,
    total_label: str = "合计",
    total_label_col: int = 0,
    total_first: bool = False,
    total_adjust: dict[int, float] | None = None,
    spacer_before_total: bool = False,
    col_widths: Sequence[float] | None = None,
) -> None:
    """Write one sheet the way a department fills a form.

    columns: plain labels, or (group, sub) tuples; consecutive tuples with the same group share one
    merged group cell, and plain labels are merged down over both header rows.
    rows: cell values (None = blank cell; str stays text even when it looks like a number;
    date/datetime get a date format; ExcelSerial is written as a bare number); a None row is a blank
    spacer row.
    total_columns: if given, a 合计 row summing those columns over the detail rows (before, when
    total_first, or after the details); total_adjust plants a deliberate disagreement {col: delta}.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    wb.set_properties({"created": FIXED_CREATED, "author": "XX市生态环境局"})
    ws = wb.add_worksheet(sheet)
    f_title = wb.add_format({"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"})
    f_head = wb.add_format(
        {"bold": True, "align": "center", "valign": "vcenter", "border": 1, "text_wrap": True}
    )
    f_date = wb.add_format({"num_format": "yyyy-mm-dd"})
    f_datetime = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    ncol = len(columns)

    r = 0
    if title:
        if ncol > 1:
            ws.merge_range(r, 0, r, ncol - 1, title, f_title)
        else:
            ws.write_string(r, 0, title, f_title)
        r += 1
    if subtitle:
        ws.write_string(r, 0, subtitle)
        r += 1

    # header: groups merged across their sub-columns, plain labels merged down over both rows
    nhead = _header_rows(columns)
    c = 0
    while c < ncol:
        col = columns[c]
        if isinstance(col, tuple):
            end = c
            while end + 1 < ncol and isinstance(columns[end + 1], tuple) and columns[end + 1][0] == col[0]:
                end += 1
            if end > c:
                ws.merge_range(r, c, r, end, col[0], f_head)
            else:
                ws.write_string(r, c, col[0], f_head)
            for k in range(c, end + 1):
                ws.write_string(r + 1, k, columns[k][1], f_head)
            c = end + 1
        else:
            if nhead == 2:
                ws.merge_range(r, c, r + 1, c, col, f_head)
            else:
                ws.write_string(r, c, col, f_head)
            c += 1
    r += nhead

    body: list[Sequence[Any] | None] = list(rows)
    if total_columns is not None:
        total = _total_row(rows, columns, total_label, total_label_col, total_columns, total_adjust)
        if total_first:
            body = [total, *body]
        else:
            body = [*body, None, total] if spacer_before_total else [*body, total]

    for row in body:
        if row is not None:
            for c, v in enumerate(row):
                _write_cell(ws, r, c, v, f_date, f_datetime)
        r += 1

    widths = col_widths or [
        max(8.0, min(30.0, 2.2 * len(c if isinstance(c, str) else c[1]))) for c in columns
    ]
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    wb.close()


def _write_cell(ws, r: int, c: int, v: Any, f_date, f_datetime) -> None:
    if v is None:
        return
    if isinstance(v, str):
        ws.write_string(r, c, v)
    elif isinstance(v, ExcelSerial):
        ws.write_number(r, c, excel_serial(v.value))
    elif isinstance(v, datetime):
        ws.write_datetime(r, c, v, f_datetime)
    elif isinstance(v, date):
        ws.write_datetime(r, c, datetime(v.year, v.month, v.day), f_date)
    elif isinstance(v, bool):
        ws.write_string(r, c, "是" if v else "否")
    else:
        ws.write_number(
            r, c, float(v) if isinstance(v, np.floating) else int(v) if isinstance(v, np.integer) else v
        )


def csv_text(v: Any) -> str:
    """How an export tool prints a value into CSV."""
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d %H:%M")
    if isinstance(v, date):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, ExcelSerial):
        return repr(excel_serial(v.value))
    return str(v)


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    encoding: str = "utf-8-sig",
    title: str | None = None,
) -> None:
    """A CSV export: optional one-cell title line, one header line, then rows.

    encoding: 'gbk' (what Excel on a Chinese Windows saves) or 'utf-8-sig' (UTF-8 with BOM).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        if title:
            w.writerow([title])
        w.writerow(header)
        for row in rows:
            w.writerow([csv_text(v) for v in row])


# --------------------------------------------------------------------------- registry-driven submissions


def _label(spec: SourceSpec, column: str, labels: dict[str, str | tuple[str, str]]):
    """A `labels` entry as given (a (group, sub) tuple for a two-row header), else the registry's own
    header, whose 组/子 form is the two-row header."""
    if column in labels:
        return labels[column]
    label = spec.column(column).headers[0] if column in _names(spec) else column
    return tuple(label.split("/", 1)) if "/" in label else label


def _names(spec: SourceSpec) -> set[str]:
    return {c.name for c in spec.columns}


def write_submission(
    inbox: Path,
    source: str,
    file_name: str,
    rows: Sequence[dict[str, Any] | None],
    *,
    title: str | None = None,
    subtitle: str | None = None,
    with_total: bool = False,
    total_adjust: dict[str, float] | None = None,
    total_first: bool = False,
    spacer_before_total: bool = False,
    csv_encoding: str | None = None,
    omit: tuple[str, ...] = (),
    labels: dict[str, str | tuple[str, str]] | None = None,
    numbered: bool = False,
    in_row_order: bool = False,
) -> Path:
    """One submission file of `source` at inbox/<registry folder>/<file_name>, headed as the registry reads.

    Columns are the registry's, in its order: those any row fills, plus the required ones, less `omit`
    (which drops even required ones). A row key the registry does not know (备注) becomes a trailing
    column headed by the key. `labels` heads a column otherwise (a unit the department wrote, 万元);
    `numbered` puts a 序号 column first; `in_row_order` orders columns as the rows' keys come instead.
    A None row is a blank line. 合计 sums the number columns."""
    spec = load_registry()[source]
    known = _names(spec)
    present = list(dict.fromkeys(k for row in rows if row for k in row))  # in the order the keys come
    columns = [c.name for c in spec.columns if (c.name in present or c.required) and c.name not in omit]
    columns += [k for k in present if k not in known]
    if in_row_order:
        columns.sort(key=lambda c: present.index(c) if c in present else len(present))
    values: list[list[Any] | None] = []
    for row in rows:
        values.append(None if row is None else [row.get(c) for c in columns])
    header = [_label(spec, c, labels or {}) for c in columns]
    if numbered:
        header = ["序号", *header]
        count = 0
        for i, row in enumerate(values):
            if row is not None:
                count += 1
                values[i] = [count, *row]
    path = inbox / spec.files.rsplit("/", 1)[0] / file_name
    if csv_encoding:
        flat = ["/".join(h) if isinstance(h, tuple) else h for h in header]
        write_csv(path, flat, [v for v in values if v is not None], encoding=csv_encoding, title=title)
        return path
    offset = 1 if numbered else 0
    numeric = [
        i + offset
        for i, c in enumerate(columns)
        if c in known and spec.column(c).type in ("number", "integer")
    ]
    write_form_xlsx(
        path,
        spec.sheet or "Sheet1",
        header,
        values,
        title=title,
        subtitle=subtitle,
        total_columns=numeric if with_total else None,
        total_label=spec.total_row_label or "合计",
        total_label_col=offset,
        total_first=total_first,
        total_adjust={columns.index(k) + offset: v for k, v in (total_adjust or {}).items()} or None,
        spacer_before_total=spacer_before_total,
    )
    return path
