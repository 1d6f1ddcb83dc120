"""report.xlsx: the scorecard and one sheet per domain. Text cells are written as text, never formulas.

Values are the published ones of rpt_scorecard (value_report, rounded once by GB/T 8170 in the warehouse),
shown at the catalogue's precision (31.0 stays 31.0) without being rounded again.
"""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from ..figures import PUBLISHED_DECIMALS
from ..settings import CITY_LABEL

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# columns shown at the indicator's publication precision, and the 同比 at its one decimal
PUBLISHED_COLUMNS = ("value_report", "value_last_year_report")
CHANGE_COLUMN = "yoy_change_report"
CHANGE_DECIMALS = 1

SCORE_COLUMNS = [
    ("indicator_code", "指标编码"),
    ("name_zh", "指标"),
    ("area", "地区"),
    ("year", "年份"),
    ("end_month", "截止月"),
    ("value_report", "本期值"),
    ("unit", "单位"),
    ("value_last_year_report", "上年同期"),
    ("yoy_change_report", "同比"),
    ("yoy_kind", "同比口径"),
    ("standard_limit", "标准限值"),
    ("meets_standard", "是否达标"),
    ("target_value", "目标"),
    ("meets_target", "是否完成"),
    ("is_complete", "数据完整"),
    ("is_statistic_valid", "统计有效"),
    ("statistic_validity_note", "统计有效性说明"),
]


def neutralise(text: str) -> str:
    """A cell a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe and stays text."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _write_cell(sheet, row: int, col: int, value, number_format=None) -> None:
    if value is None:
        sheet.write_blank(row, col, None)
    elif isinstance(value, bool):
        sheet.write_string(row, col, "是" if value else "否")
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, number_format)
    else:
        sheet.write_string(row, col, neutralise(str(value)))


def _precision_formats(workbook) -> dict[int, object]:
    return {
        decimals: workbook.add_format({"num_format": "0." + "0" * decimals if decimals else "0"})
        for decimals in PUBLISHED_DECIMALS
    }


def _write_table(workbook, name: str, header: list[str], rows: list[tuple], decimals: dict[str, int]) -> None:
    sheet = workbook.add_worksheet(name)
    bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7"})
    formats = _precision_formats(workbook)
    columns = [column for column, _ in SCORE_COLUMNS]
    for col, label in enumerate(header):
        sheet.write_string(0, col, label, bold)
    for r, row in enumerate(rows, start=1):
        code = row[columns.index("indicator_code")]
        for col, value in enumerate(row):
            number_format = None
            if columns[col] in PUBLISHED_COLUMNS:
                number_format = formats[decimals[code]]
            elif columns[col] == CHANGE_COLUMN:
                number_format = formats[CHANGE_DECIMALS]
            _write_cell(sheet, r, col, value, number_format)
    sheet.freeze_panes(1, 0)
    sheet.set_column(0, len(header) - 1, 14)


def write_workbook(ctx, path: Path) -> None:
    columns = ", ".join(c for c, _ in SCORE_COLUMNS)
    header = [label for _, label in SCORE_COLUMNS]
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    try:
        scorecard = ctx.conn.execute(
            f"SELECT {columns} FROM indicators.rpt_scorecard "  # noqa: S608 columns are a module constant
            "WHERE year = ? AND end_month = ? AND area = ? ORDER BY domain, indicator_code",
            [ctx.year, ctx.through, CITY_LABEL],
        ).fetchall()
        decimals = {code: indicator.decimals for code, indicator in ctx.catalogue.items()}
        _write_table(workbook, "记分卡", header, scorecard, decimals)
        for domain in ctx.domains:
            rows = ctx.conn.execute(
                f"SELECT {columns} FROM indicators.rpt_scorecard "  # noqa: S608 columns are a module constant
                "WHERE domain = ? AND year = ? AND end_month <= ? "
                "ORDER BY indicator_code, area = ? DESC, area, end_month",
                [domain.domain, ctx.year, ctx.through, CITY_LABEL],
            ).fetchall()
            _write_table(workbook, domain.name_zh, header, rows, decimals)
    finally:
        workbook.close()
