"""report.xlsx: the scorecard and one sheet per domain. Text cells are written as text, never formulas."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

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
]


def neutralise(text: str) -> str:
    """A cell a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe and stays text."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _write_cell(sheet, row: int, col: int, value) -> None:
    if value is None:
        sheet.write_blank(row, col, None)
    elif isinstance(value, bool):
        sheet.write_string(row, col, "是" if value else "否")
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value)
    else:
        sheet.write_string(row, col, neutralise(str(value)))


def _write_table(workbook, name: str, header: list[str], rows: list[tuple]) -> None:
    sheet = workbook.add_worksheet(name)
    bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7"})
    for col, label in enumerate(header):
        sheet.write_string(0, col, label, bold)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            _write_cell(sheet, r, col, value)
    sheet.freeze_panes(1, 0)
    sheet.set_column(0, len(header) - 1, 14)


def write_workbook(ctx, path: Path) -> None:
    columns = ", ".join(c for c, _ in SCORE_COLUMNS)
    header = [label for _, label in SCORE_COLUMNS]
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    try:
        scorecard = ctx.conn.execute(
            f"SELECT {columns} FROM indicators.rpt_scorecard WHERE year = ? AND end_month = ? AND area = '城市' "
            "ORDER BY domain, indicator_code",
            [ctx.year, ctx.through],
        ).fetchall()
        _write_table(workbook, "记分卡", header, scorecard)
        for domain in ctx.domains:
            rows = ctx.conn.execute(
                f"SELECT {columns} FROM indicators.rpt_scorecard WHERE domain = ? AND year = ? AND end_month <= ? "
                "ORDER BY indicator_code, area = '城市' DESC, area, end_month",
                [domain.domain, ctx.year, ctx.through],
            ).fetchall()
            _write_table(workbook, domain.name_zh, header, rows)
    finally:
        workbook.close()
