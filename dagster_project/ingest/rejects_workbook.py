"""What each submitting department must fix after a run: one Chinese workbook per department.

data/rejects/<run>/<报送单位>.xlsx lists every reject of the run in the department's files (raw._rejects
of the run's load batch, the durable record): 文件, 工作表, 单元格 (the cell as Excel names it, C7; a whole
row as 第7行; a whole file as 整个文件), 值 (as submitted, personal values masked at ingest), 问题 (the
reason, Chinese first, with the column's header). The department is the registry's `department` of the
source the file was submitted as.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import duckdb
import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from .loader import Reject, file_sha256, header_columns
from .registry import SourceSpec, load_registry
from .schema import REJECTS_TABLE

COLUMNS = ("文件", "工作表", "单元格", "值", "问题")
COLUMN_WIDTHS = (46, 14, 10, 24, 70)
WHOLE_FILE = "整个文件"
UNKNOWN_DEPARTMENT = "未登记报送单位"
# characters a file name cannot hold on the systems the departments open the workbooks on
_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass(frozen=True)
class FixItem:
    """One thing a department must fix: a cell, a row or a whole file."""

    file: str
    sheet: str
    cell: str
    value: str
    problem: str


def clerk_reason(reason: str) -> str:
    """The reject's reason with its Chinese part first: 'x is below the minimum 0 / 小于下限' reads
    '小于下限（x is below the minimum 0）'. A reason without an English part stays as it is."""
    english, separator, chinese = reason.rpartition(" / ")
    if not separator or not english.strip():
        return reason
    return f"{chinese.strip()}（{english.strip()}）"


def cell_name(row_number: int | None, column_index: int | None) -> str:
    """The cell as a spreadsheet names it (row 7, column index 2 → C7), a whole row, or a whole file."""
    if row_number is None:
        return WHOLE_FILE
    if column_index is None:
        return f"第{row_number}行"
    return xl_rowcol_to_cell(row_number - 1, column_index)


def _run_rejects(conn: duckdb.DuckDBPyConnection, batch: str) -> list[tuple[str, Reject]]:
    """The run's rejects as the loader recorded them, each with the source it was submitted as."""
    rows = conn.execute(
        "SELECT source, file_path, file_sha256, sheet, row_number, column_name, value, reason, scope "  # noqa: S608 schema constant
        f"FROM {REJECTS_TABLE} WHERE load_batch = ? ORDER BY source, file_path, rejected_at",
        [batch],
    ).fetchall()
    return [(source, Reject(*rest)) for source, *rest in rows]


def _problem(spec: SourceSpec | None, reject: Reject) -> str:
    reason = clerk_reason(reject.reason)
    if spec is None or reject.column_name is None or reject.row_number is None:
        return reason
    header = next((c.headers[0] for c in spec.columns if c.name == reject.column_name), reject.column_name)
    return f"「{header}」列：{reason}"


def fix_items(conn: duckdb.DuckDBPyConnection, batch: str, raw_dir: Path) -> dict[str, list[FixItem]]:
    """The run's rejects as fix items, by department, in file and row order."""
    registry = load_registry()
    positions: dict[tuple[str, str | None], dict[str, int]] = {}
    by_department: dict[str, list[tuple[tuple, FixItem]]] = defaultdict(list)
    for source, reject in _run_rejects(conn, batch):
        spec = registry.get(source)
        column_index = None
        if spec is not None and reject.row_number is not None and reject.column_name is not None:
            file = (reject.file_path, reject.file_sha256)
            if file not in positions:
                positions[file] = _columns_of(raw_dir / reject.file_path, reject.file_sha256, spec)
            column_index = positions[file].get(reject.column_name)
        department = (spec.department if spec else "") or UNKNOWN_DEPARTMENT
        item = FixItem(
            reject.file_path,
            reject.sheet or "",
            cell_name(reject.row_number, column_index),
            reject.value or "",
            _problem(spec, reject),
        )
        in_sheet_order = (
            reject.file_path,
            reject.row_number or 0,
            -1 if column_index is None else column_index,
        )
        by_department[department].append((in_sheet_order, item))
    return {
        department: [item for _, item in sorted(items, key=lambda entry: entry[0])]
        for department, items in by_department.items()
    }


def _columns_of(path: Path, sha256: str | None, spec: SourceSpec) -> dict[str, int]:
    """Where the registry's columns are in the file as it was loaded; none if it has changed since."""
    if not path.is_file() or file_sha256(path) != sha256:
        return {}
    return header_columns(path, spec)


def workbook_name(department: str) -> str:
    return f"{_UNSAFE_IN_FILE_NAMES.sub('_', department).strip('_') or UNKNOWN_DEPARTMENT}.xlsx"


def write_workbook(path: Path, items: list[FixItem]) -> Path:
    # values are text as submitted: "=A1" or a web address stays text, not a formula or a link
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    try:
        sheet = workbook.add_worksheet("待更正 to fix")
        heading = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})
        sheet.write_row(0, 0, COLUMNS, heading)
        for row, item in enumerate(items, start=1):
            sheet.write_row(row, 0, [item.file, item.sheet, item.cell, item.value, item.problem], wrapped)
        for column, width in enumerate(COLUMN_WIDTHS):
            sheet.set_column(column, column, width)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(items), len(COLUMNS) - 1)
    finally:
        workbook.close()
    return path


def write_rejects_workbooks(
    conn: duckdb.DuckDBPyConnection, batch: str, raw_dir: Path, folder: Path
) -> dict[str, tuple[Path, int]]:
    """A workbook per department with rejects in this run's load batch, in folder; by department, its
    path and number of items. No rejects, no folder."""
    written = {}
    for department, items in sorted(fix_items(conn, batch, raw_dir).items()):
        folder.mkdir(parents=True, exist_ok=True)
        written[department] = (write_workbook(folder / workbook_name(department), items), len(items))
    return written
