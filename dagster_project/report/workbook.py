"""report.xlsx: the scorecard, one sheet per domain in the report's order, the monthly headline series with
native Excel charts, and the revisions. Text cells are written as text, never formulas.

Values are the published ones of rpt_scorecard (value_report, rounded once by GB/T 8170 in the warehouse),
shown at the catalogue's precision (31.0 stays 31.0) without being rounded again. Money is shown in 万元
(the report's unit), converted by the units seed's factors: the division by 10⁴ is exact in decimal, and
the cell shows every digit of the published 元 value.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import xlsxwriter

from .catalogue import Indicator, display_unit, table_exists
from .charts import HEADLINE_CODES, HEADLINE_MONTHLY_COLUMNS, monthly_published
from .text import INSUFFICIENT_DATA_MARK, NO_REVISIONS

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MONEY_UNIT, MONEY_REPORT_UNIT = "元", "万元"
CHANGE_DECIMALS = 1
HEADER_ROW = 2  # row 0: the report's title; row 1: what the sheet holds
MIN_WIDTH, MAX_WIDTH = 6, 60


@dataclass(frozen=True)
class Column:
    label: str
    kind: str  # text | value (at the indicator's precision) | change | flag


COLUMNS = [
    Column("指标编码", "text"),
    Column("指标", "text"),
    Column("地区", "text"),
    Column("年份", "integer"),
    Column("截止月", "integer"),
    Column("本期值", "value"),
    Column("单位", "text"),
    Column("上年同期", "value"),
    Column("同比 %", "change"),
    Column("同比 百分点", "change"),
    Column("标准限值", "value"),
    Column("是否达标", "flag"),
    Column("目标", "value"),
    Column("是否完成", "flag"),
    Column("状态", "text"),
    Column("说明", "text"),
]
QUERY = """
    SELECT s.indicator_code, s.area, s.year, s.end_month, s.value_report, s.value_last_year_report,
           s.yoy_kind, s.yoy_change_report, s.standard_limit, s.meets_standard, s.target_value,
           s.meets_target, s.is_complete, v.missing_submissions, s.qualifier, s.is_statistic_valid,
           s.statistic_validity_note
    FROM indicators.rpt_scorecard AS s
    JOIN indicators.fct_indicator_values AS v USING (indicator_code, area, year, end_month)
    LEFT JOIN reference.districts AS d ON d.district_name = s.area
    JOIN reference.indicators AS c ON c.code = s.indicator_code
    WHERE s.year = ? AND s.value IS NOT NULL AND {where}
    ORDER BY c.report_order, NOT v.is_city, d.district_code, s.area, s.end_month
"""


def neutralise(text: str) -> str:
    """A cell a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe and stays text."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _width(value) -> int:
    """Display width of a cell: a CJK character takes two columns."""
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class _Formats:
    def __init__(self, workbook):
        self.workbook = workbook
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.meta = workbook.add_format({"font_color": "#666666"})
        self.header = workbook.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True}
        )
        self.flag_no = workbook.add_format({"font_color": "#C0392B"})
        self._numbers: dict[int, object] = {}

    def number(self, decimals: int):
        if decimals not in self._numbers:
            pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
            self._numbers[decimals] = self.workbook.add_format({"num_format": pattern})
        return self._numbers[decimals]


class _Sheet:
    """A worksheet with the report's title rows, a header with autofilter, and column widths to fit."""

    def __init__(self, workbook, formats: _Formats, name: str, title: str, subtitle: str, header: list[str]):
        self.sheet = workbook.add_worksheet(name)
        self.formats = formats
        self.widths = [_width(label) + 2 for label in header]
        self.row = HEADER_ROW
        self.sheet.write_string(0, 0, title, formats.title)
        self.sheet.write_string(1, 0, subtitle, formats.meta)
        for col, label in enumerate(header):
            self.sheet.write_string(HEADER_ROW, col, label, formats.header)

    def write(self, values: list[tuple[object, object]]) -> None:
        """One row of (value, number format or None)."""
        self.row += 1
        for col, (value, number_format) in enumerate(values):
            if value is None:
                self.sheet.write_blank(self.row, col, None)
                continue
            if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                self.sheet.write_number(self.row, col, float(value), number_format)
                shown = format(value, ",") if isinstance(value, int) else format(value, ",.4f")
            else:
                shown = neutralise(str(value))
                self.sheet.write_string(self.row, col, shown, number_format)
            self.widths[col] = max(self.widths[col], _width(shown) + 2)

    def finish(self) -> None:
        columns = len(self.widths)
        self.sheet.autofilter(HEADER_ROW, 0, max(self.row, HEADER_ROW), columns - 1)
        self.sheet.freeze_panes(HEADER_ROW + 1, 0)
        for col, width in enumerate(self.widths):
            self.sheet.set_column(col, col, min(max(width, MIN_WIDTH), MAX_WIDTH))


def _money_factor(ctx) -> Decimal:
    factors = dict(
        ctx.conn.execute(
            "SELECT unit, to_base_factor FROM reference.units WHERE unit IN (?, ?)",
            [MONEY_UNIT, MONEY_REPORT_UNIT],
        ).fetchall()
    )
    return Decimal(str(factors[MONEY_UNIT])) / Decimal(str(factors[MONEY_REPORT_UNIT]))


def _shown(value, indicator: Indicator, money_factor: Decimal, formats: _Formats) -> tuple[object, object]:
    """A published value with its number format: at the indicator's precision, or exactly in 万元."""
    if value is None:
        return None, None
    if indicator.unit != MONEY_UNIT:
        return value, formats.number(indicator.decimals)
    in_report_unit = (Decimal(repr(float(value))) * money_factor).normalize()
    decimals = max(indicator.decimals, -in_report_unit.as_tuple().exponent)
    return in_report_unit, formats.number(decimals)


def _flag(value: bool | None, formats: _Formats) -> tuple[object, object]:
    if value is None:
        return None, None
    return ("是", None) if value else ("否", formats.flag_no)


def _score_row(ctx, row: tuple, money_factor: Decimal, formats: _Formats) -> list[tuple[object, object]]:
    (code, area, year, end_month, value, last_year, yoy_kind, change, limit, meets_standard, target,
     meets_target, is_complete, missing, qualifier, is_valid, validity_note) = row  # fmt: skip
    indicator = ctx.catalogue[code]
    status = [
        mark
        for mark, applies in (
            ("暂定", not is_complete),
            ("按新标准回算", qualifier == "retrospective"),
            (INSUFFICIENT_DATA_MARK, is_valid is False),
        )
        if applies
    ]
    notes = ctx.provisional_reasons(is_complete, missing) + ([validity_note] if is_valid is False else [])
    change_format = formats.number(CHANGE_DECIMALS)
    unit = MONEY_REPORT_UNIT if indicator.unit == MONEY_UNIT else display_unit(indicator)
    return [
        (code, None),
        (indicator.name_zh, None),
        (area, None),
        (year, None),
        (end_month, None),
        _shown(value, indicator, money_factor, formats),
        (unit, None),
        _shown(last_year, indicator, money_factor, formats),
        (change, change_format) if yoy_kind == "pct" and change is not None else (None, None),
        (change, change_format) if yoy_kind == "pp" and change is not None else (None, None),
        _shown(limit, indicator, money_factor, formats),
        _flag(meets_standard, formats),
        _shown(target, indicator, money_factor, formats),
        _flag(meets_target, formats),
        ("、".join(status) or None, None),
        ("；".join(notes) or None, None),
    ]


def _score_sheet(workbook, formats, ctx, name: str, subtitle: str, where: str, params: list) -> None:
    sheet = _Sheet(workbook, formats, name, ctx.title, subtitle, [c.label for c in COLUMNS])
    money_factor = _money_factor(ctx)
    rows = ctx.conn.execute(QUERY.format(where=where), [ctx.year, *params]).fetchall()
    for row in rows:
        sheet.write(_score_row(ctx, row, money_factor, formats))
    sheet.finish()


def _monthly_sheet(workbook, formats, ctx) -> None:
    """The two headline series by month, this year and last, with a native line chart and column chart."""
    indicators = [ctx.catalogue[code] for code in HEADLINE_CODES]
    years = (ctx.year, ctx.year - 1)
    header = ["月份"] + [
        f"{indicator.name_zh}（{display_unit(indicator)}）{year}年"
        for indicator in indicators
        for year in years
    ]
    sheet = _Sheet(workbook, formats, "月度走势", ctx.title, "各月数值（当月，发布值）与上年同月", header)
    series = [monthly_published(ctx, column) for column in HEADLINE_MONTHLY_COLUMNS]
    for month in range(1, ctx.through + 1):
        cells = [(f"{month}月", None)]
        for indicator, by_year in zip(indicators, series, strict=True):
            cells += [(by_year[year].get(month), formats.number(indicator.decimals)) for year in years]
        sheet.write(cells)
    sheet.finish()
    first, last = HEADER_ROW + 1, HEADER_ROW + ctx.through
    for number, (indicator, kind) in enumerate(zip(indicators, ("line", "column"), strict=True)):
        chart = workbook.add_chart({"type": kind})
        for offset, (year, colour) in enumerate(zip(years, ("#C0392B", "#95A5A6"), strict=True)):
            col = 1 + 2 * number + offset
            style = {"color": colour}
            chart.add_series(
                {
                    "name": f"{year}年",
                    "categories": [sheet.sheet.name, first, 0, last, 0],
                    "values": [sheet.sheet.name, first, col, last, col],
                    "line" if kind == "line" else "fill": style,
                    **(
                        {"marker": {"type": "circle", "fill": style, "border": style}}
                        if kind == "line"
                        else {}
                    ),
                }
            )
        chart.set_title({"name": f"{indicator.name_zh}（各月）", "name_font": {"size": 12}})
        chart.set_y_axis(
            {
                "name": display_unit(indicator),
                "major_gridlines": {"visible": True, "line": {"color": "#E5E5E5"}},
            }
            | ({"min": 0, "max": 100, "major_unit": 20} if indicator.unit == "%" else {"min": 0})
        )
        chart.set_x_axis({"name": "月份"})
        chart.set_legend({"position": "top"})
        chart.set_size({"width": 620, "height": 320})
        sheet.sheet.insert_chart(HEADER_ROW + ctx.through + 3 + 17 * number, 0, chart)


def _revisions_sheet(workbook, formats, ctx) -> None:
    header = ["发现时间", "指标编码", "指标", "地区", "原值", "新值", "本次装载的文件"]
    sheet = _Sheet(workbook, formats, "数字变动", ctx.title, "附：报送更正引起的数字变动（本期）", header)
    if not ctx.revisions:
        sheet.write([(NO_REVISIONS, None)])
    for r in ctx.revisions:
        sheet.write(
            [
                (r.detected_at, None),
                (r.indicator.code, None),
                (r.indicator.name_zh, None),
                (r.area, None),
                (r.old_figure, None),
                (r.new_figure, None),
                (r.files_loaded, None),
            ]
        )
    sheet.finish()


def write_workbook(ctx, path: Path) -> None:
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    try:
        workbook.set_properties({"title": ctx.title, "subject": f"数据截至{ctx.year}年{ctx.through}月底"})
        formats = _Formats(workbook)
        period = f"数据截至{ctx.year}年{ctx.through}月底 · 快照发布于 {ctx.published_at}"
        _score_sheet(
            workbook,
            formats,
            ctx,
            "记分卡",
            f"全市 · {period}",
            "v.is_city AND s.end_month = ?",
            [ctx.through],
        )
        if table_exists(ctx.conn, "marts.fct_air_quality_period"):
            _monthly_sheet(workbook, formats, ctx)
        for domain in ctx.domains:
            _score_sheet(
                workbook,
                formats,
                ctx,
                domain.name_zh,
                f"{domain.section_zh}：全市与各区县，截止1－{ctx.through}月各月 · {period}",
                "s.domain = ? AND s.end_month <= ?",
                [domain.domain, ctx.through],
            )
        _revisions_sheet(workbook, formats, ctx)
    finally:
        workbook.close()
