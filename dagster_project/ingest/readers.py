"""Read department spreadsheets into raw cell grids and locate their header rows.

Cells stay as calamine / the csv module give them: typing happens later in normalise.py, per declared
column type, so a bad cell becomes a per-cell error instead of failing the whole file. Row indexes match
spreadsheet rows (row 0 = row 1) so error reports can point a clerk at the exact cell.
"""

from __future__ import annotations

import csv
import io
import itertools
import logging
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

import duckdb
import fastexcel
import numpy as np
import pandas as pd
from python_calamine import (
    CalamineError,
    CalamineSheet,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
)

from dagster_project.ingest.normalise import normalise_text, split_header
from dagster_project.ingest.sql import quote_identifier
from dagster_project.ingest.xlsx_flags import SheetFlags, flags_of, sheet_xml

_EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls
_SNIFF_BYTES = 4096
HEADER_SCAN_ROWS = 30  # the header row is looked for in this many rows from the top


@dataclass
class SheetData:
    name: str  # sheet name ('' for csv)
    rows: list[list[object]]  # raw cell values, row 0 = spreadsheet row 1; blank rows kept as lists of None


class ReadError(Exception):
    """A whole file that cannot be read: corrupt/truncated xlsx, HTML saved as .xls, zero-byte file,
    undecodable CSV. str(e) names the file and the reason."""


# ---------------------------------------------------------------------------------------------------------
# File level
# ---------------------------------------------------------------------------------------------------------


def _is_csv(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return True
    if suffix in _EXCEL_SUFFIXES:
        return False
    raise ReadError(f"{path.name}: unsupported file type {suffix!r} / 不支持的文件类型")


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(f"{path.name}: cannot open file / 无法打开文件: {error}") from error
    if not data.strip():
        raise ReadError(f"{path.name}: empty file / 空文件")
    return data


def _reject_markup(path: Path, data: bytes) -> None:
    """Web systems export "Excel" that is really HTML or XML; calamine's error for those is cryptic."""
    if data.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
        return
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        raise ReadError(
            f"{path.name}: Excel 2003 XML spreadsheet, not supported / XML电子表格(2003)格式，请另存为xlsx"
        )
    if head.startswith(b"<") or b"<html" in head:
        raise ReadError(f"{path.name}: HTML page saved as spreadsheet / 网页另存的表格，不是Excel文件")


def _open_workbook(path: Path) -> CalamineWorkbook:
    data = _read_bytes(path)
    _reject_markup(path, data)
    try:
        return _calamine_open(path, data)
    except PasswordError as error:
        raise ReadError(f"{path.name}: password-protected workbook / 文件有密码保护: {error}") from error
    except CalamineError as error:
        raise _corrupt(path, error) from error


def _calamine_open(path: Path, data: bytes) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_path(path)
    except PasswordError:
        raise
    except CalamineError as by_extension:
        # An .xls that is really an xlsx (a common rename) opens when calamine detects the format from
        # the content; if that fails too, the extension-based error is the more telling one.
        try:
            return CalamineWorkbook.from_filelike(io.BytesIO(data))
        except CalamineError:
            raise by_extension from None


def _corrupt(path: Path, error: Exception) -> ReadError:
    kind = path.suffix.lower().lstrip(".")
    return ReadError(f"{path.name}: corrupt or truncated {kind} / 文件损坏或不完整: {error}")


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            # GB18030 is a superset of GBK/GB2312, the encoding of Excel "save as CSV" on Chinese Windows.
            return data.decode("gb18030")
        except UnicodeDecodeError as gb_error:
            raise ReadError(
                f"{path.name}: cannot decode as UTF-8 (bad byte at offset {utf8_error.start}) "
                f"or GB18030 (bad byte at offset {gb_error.start}) / 文件编码无法识别"
            ) from gb_error


# ---------------------------------------------------------------------------------------------------------
# Sheets
# ---------------------------------------------------------------------------------------------------------


def list_sheets(path: Path) -> list[str]:
    """All sheet names in workbook order, hidden ones included; a CSV has the single sheet ''."""
    path = Path(path)
    if _is_csv(path):
        return [""]
    with _open_workbook(path) as workbook:
        return list(workbook.sheet_names)


def read_sheet(path: Path, sheet: str | int | None) -> SheetData:
    """One sheet as a grid of raw cells; sheet is a name, an index, or None for the first visible sheet."""
    path = Path(path)
    if _is_csv(path):
        if sheet not in (None, 0, ""):
            raise ReadError(f"{path.name}: sheet \"{sheet}\" not found; sheets: ['']")
        return SheetData("", _csv_rows(path))
    name, cells = _read_python_cells(path, sheet)
    return SheetData(name, cells.tolist())


def _read_python_cells(path: Path, sheet: str | int | None) -> tuple[str, np.ndarray]:
    with _open_workbook(path) as workbook:
        name = _choose_sheet(path, workbook, sheet)
        try:
            return name, _python_cells(workbook.get_sheet_by_name(name))
        except CalamineError as error:
            raise _corrupt(path, error) from error


def _choose_sheet(path: Path, workbook: CalamineWorkbook, sheet: str | int | None) -> str:
    names = list(workbook.sheet_names)
    if sheet is None:
        visible = [
            meta.name
            for meta in workbook.sheets_metadata
            if meta.visible == SheetVisibleEnum.Visible and meta.typ == SheetTypeEnum.WorkSheet
        ]
        if visible:
            return visible[0]
    elif isinstance(sheet, int):
        if 0 <= sheet < len(names):
            return names[sheet]
    elif sheet in names:
        return sheet
    else:
        wanted = normalise_text(sheet)
        for name in names:
            if normalise_text(name) == wanted:
                return name
    raise ReadError(f'{path.name}: sheet "{sheet}" not found; sheets: {names}')


def _excel_rows(sheet: CalamineSheet) -> list[list[object]]:
    return _python_cells(sheet).tolist()


def _python_cells(sheet: CalamineSheet) -> np.ndarray:
    """The sheet as a 2-D array of cells, empty cells None, merged ranges filled (see _fill_merged)."""
    # skip_empty_area=False keeps leading blank rows/columns so indexes stay spreadsheet coordinates.
    cells = _cell_array(sheet.to_python(skip_empty_area=False))
    cells[cells == ""] = None
    _fill_merged(cells, sheet.merged_cell_ranges or [])
    return cells


def _cell_array(rows: list[list[object]]) -> np.ndarray:
    """Rows of cells as a 2-D object array, short rows padded with None."""
    width = max((len(row) for row in rows), default=0)
    cells = np.empty((len(rows), width), dtype=object)
    for index, row in enumerate(rows):
        cells[index, : len(row)] = row
    return cells


def _fill_merged(cells: np.ndarray, ranges: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Give every cell of a merged range the top-left value, as a reader of the printed sheet sees it.

    Ranges are clipped to the data grid: a title merged across empty columns must not add columns.
    """
    rows, width = cells.shape
    for (top, left), (bottom, right) in ranges:
        if top >= rows or left >= width:
            continue
        cells[top : bottom + 1, left : right + 1] = cells[top, left]


def _csv_text(path: Path) -> str:
    text = _decode(path, _read_bytes(path))
    if not text.strip():
        raise ReadError(f"{path.name}: empty file / 空文件")
    return text


def _csv_rows(path: Path) -> list[list[object]]:
    return _csv_records(path, _csv_text(path))


def _csv_records(path: Path, text: str) -> list[list[object]]:
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ReadError(f"{path.name}: malformed CSV / CSV格式错误: {error}") from error
    width = max(len(record) for record in records)
    # Padded to a rectangle like an Excel sheet, so every row can be indexed by column.
    return [[value or None for value in record] + [None] * (width - len(record)) for record in records]


# ---------------------------------------------------------------------------------------------------------
# Columnar grids: a sheet as a DuckDB table, for typing and validating whole columns at once
# ---------------------------------------------------------------------------------------------------------


@dataclass
class SheetGrid:
    """A sheet as DuckDB table `table`: `_index` (0-based spreadsheet row) and one column c<j> per column.

    `head` holds the first rows as read_sheet gives them, for finding the header; `load_rows(first)`
    then fills the table from row `first` on, out of `python_cells` (a CSV split in DuckDB has no
    Python cells: its table holds every row from the start). Column
    types follow the cells: a CSV column is VARCHAR; an Excel column holding one kind of value is typed
    by it (DOUBLE, BIGINT, TIMESTAMP, BOOLEAN, VARCHAR); a column mixing kinds holds codes into
    `decoders[j]`, the distinct cell values. `cells(indexes)` gives the raw cells of a few rows.
    """

    name: str
    table: str
    width: int
    head: list[list[object]]
    conn: duckdb.DuckDBPyConnection
    python_cells: np.ndarray | None = None
    decoders: dict[int, list[object]] = field(default_factory=dict)
    # an xlsx sheet read without Python cells: its rows below the header come from one Arrow read
    excel: _ExcelRows | None = None
    flags: SheetFlags | None = None  # found while reading the sheet's XML, else left to the loader

    def load_rows(self, first: int) -> None:
        if self.excel is not None:
            width = self.excel.load(self.conn, self.table, first, self.width)
            if width is not None:
                self.width = width
                return
            # a sheet the Arrow read cannot give cell for cell: every cell through Python after all
            _, self.python_cells = _read_python_cells(self.excel.path, self.name)
            self.width = self.python_cells.shape[1]
        if self.python_cells is None:
            return
        frame = {"_index": pd.array(range(first, len(self.python_cells)), dtype="Int64")}
        for j in range(self.width):
            frame[f"c{j}"], decoder = _typed_column(self.python_cells[first:, j])
            if decoder is not None:
                self.decoders[j] = decoder
        view = f"{self.table}_frame"
        self.conn.register(view, pd.DataFrame(frame))
        try:
            self.conn.execute(f"CREATE OR REPLACE TEMP TABLE {self.table} AS SELECT * FROM {view}")  # noqa: S608 quoted identifiers and temp-table names; values are parameters
        finally:
            self.conn.unregister(view)

    def cell_value(self, column: int, stored: object) -> object:
        """The raw cell behind a value read from column c<column> of the table."""
        if column in self.decoders and stored is not None:
            return self.decoders[column][stored]
        return stored

    def cells(self, indexes: list[int]) -> dict[int, list[object]]:
        if self.python_cells is not None:
            return {i: self.python_cells[i].tolist() for i in indexes}
        if not indexes:
            return {}
        found = self.conn.execute(
            f"SELECT * FROM {self.table} WHERE _index IN (SELECT unnest(?::BIGINT[]))",  # noqa: S608 identifiers only; values are parameters
            [indexes],
        ).fetchall()
        return {row[0]: list(row[1:]) for row in found}


def _quote_free_csv(text: str) -> bool:
    """True when splitting lines at newlines and fields at commas reads exactly what the csv module reads."""
    return '"' not in text and "\x00" not in text and text.count("\r") == text.count("\r\n")


def _csv_grid(path: Path, conn: duckdb.DuckDBPyConnection, table: str, head_rows: int) -> SheetGrid:
    text = _csv_text(path)
    if not _quote_free_csv(text):
        cells = _cell_array(_csv_records(path, text))
        return SheetGrid("", table, cells.shape[1], cells[:head_rows].tolist(), conn, cells)
    # One pass in DuckDB: lines keep their numbers (blank lines included, unlike read_csv), fields split
    # at commas; the csv module agrees on such text, so row numbers and cells match read_sheet.
    # the csv module reads no record after the final line break
    lines = text.removesuffix("\n")
    width = 1 + max(map(str.count, lines.split("\n"), itertools.repeat(",")))
    columns = ", ".join(f"nullif(f[{j + 1}], '') AS c{j}" for j in range(width))
    conn.execute(
        f"""CREATE OR REPLACE TEMP TABLE {table} AS SELECT _index, {columns} FROM (
            SELECT generate_subscripts(l, 1) - 1 AS _index, string_split(rtrim(unnest(l), chr(13)), ',') AS f
            FROM (SELECT string_split(?, chr(10)) AS l))""",  # noqa: S608 quoted identifiers and temp-table names; values are parameters
        [lines],
    )
    head = [
        list(row[1:])
        for row in conn.execute(
            f"SELECT * FROM {table} WHERE _index < ? ORDER BY _index",  # noqa: S608 identifiers only; values are parameters
            [head_rows],
        ).fetchall()
    ]
    return SheetGrid("", table, width, head, conn)


def _typed_column(values: tuple) -> tuple[object, list[object] | None]:
    """A pandas column DuckDB reads with one type, or (codes, decoder) for a column mixing kinds."""
    kinds = set(map(type, values)) - {type(None)}
    try:
        if kinds <= {str}:
            return pd.Series(values, dtype="string"), None
        if kinds == {float}:
            return pd.array(values, dtype="Float64"), None
        if kinds == {int}:
            return pd.array(values, dtype="Int64"), None
        if kinds == {bool}:
            return pd.array(values, dtype="boolean"), None
        if kinds == {datetime}:
            return pd.Series(pd.to_datetime(list(values))), None
    except (OverflowError, ValueError, pd.errors.OutOfBoundsDatetime):
        pass
    codes: dict[tuple[type, object], int] = {}
    decoder: list[object] = []
    column = []
    for value in values:
        if value is None:
            column.append(None)
            continue
        key = (type(value), value)
        if key not in codes:
            codes[key] = len(decoder)
            decoder.append(value)
        column.append(codes[key])
    return pd.array(column, dtype="Int64"), decoder


def read_grid(
    path: Path, sheet: str | int | None, conn: duckdb.DuckDBPyConnection, table: str, head_rows: int
) -> SheetGrid:
    """Like read_sheet, but into the temporary DuckDB table `table`; `head` holds the first head_rows rows."""
    path = Path(path)
    if _is_csv(path):
        if sheet not in (None, 0, ""):
            raise ReadError(f"{path.name}: sheet \"{sheet}\" not found; sheets: ['']")
        return _csv_grid(path, conn, table, head_rows)
    grid = _arrow_excel_grid(path, sheet, conn, table, head_rows)
    if grid is not None:
        return grid
    name, cells = _read_python_cells(path, sheet)
    return SheetGrid(name, table, cells.shape[1], cells[:head_rows].tolist(), conn, cells)


# fastexcel's column types that are the very values calamine gives Python (text, numbers, yes/no);
# a date or time column is left to Python, where calamine tells a date from a date and time.
_ARROW_TYPES = frozenset({"string", "float", "int", "boolean"})
# fastexcel warns of every column without a value below the header; such a column is simply empty
logging.getLogger("fastexcel.types.dtype").setLevel(logging.ERROR)
_EMPTY_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'
)


@dataclass
class _ExcelRows:
    """The rows of an xlsx sheet below its header, for fastexcel to read into Arrow in one call."""

    path: Path
    sheet: str
    merged: list[tuple[tuple[int, int], tuple[int, int]]]
    head: list[list[object]]  # the first rows as calamine gives them

    def load(self, conn: duckdb.DuckDBPyConnection, table: str, first: int, width: int) -> int | None:
        """Fill `table` from row `first` on; returns the sheet's width, or None when the Arrow read
        would not give the cells calamine gives (a merged range below the header, a column mixing
        kinds of value, a date column)."""
        if any(bottom >= first for _, (bottom, _) in self.merged):
            return None
        # a date in the rows already read means a date column: not worth reading the sheet twice
        if any(isinstance(cell, date | time | timedelta) for row in self.head[first:] for cell in row):
            return None
        try:
            sheet = fastexcel.read_excel(self.path).load_sheet(
                self.sheet, header_row=None, skip_rows=first, dtype_coercion="strict", schema_sample_rows=None
            )
        except fastexcel.FastExcelError:
            return None
        columns = {c.absolute_index: c for c in sheet.available_columns()}
        if not columns or any(c.dtype not in _ARROW_TYPES for c in columns.values()):
            return None
        width = max(width, max(columns) + 1)
        cells = []
        for j in range(width):
            column = columns.get(j)
            if column is None:
                cells.append(f"CAST(NULL AS VARCHAR) AS c{j}")
            elif column.dtype == "string":
                cells.append(f"nullif({quote_identifier(column.name)}, '') AS c{j}")
            else:
                cells.append(f"{quote_identifier(column.name)} AS c{j}")
        view = f"{table}_arrow"
        conn.register(view, sheet)
        try:
            # the copy keeps the sheet's row order, so rowid counts the rows from `first`
            conn.execute(f"CREATE OR REPLACE TEMP TABLE {view}_rows AS SELECT * FROM {view}")  # noqa: S608 quoted identifiers and temp-table names; values are parameters
        finally:
            conn.unregister(view)
        conn.execute(
            f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT {first} + rowid AS _index, {', '.join(cells)} "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
            f"FROM {view}_rows"
        )
        conn.execute(f"DROP TABLE {view}_rows")
        return width


def _head_workbook(path: Path, part: str, xml: bytes, rows: int) -> bytes | None:
    """The workbook with sheet `part` cut after its first `rows` rows (its merged ranges kept), other
    sheets emptied: calamine reads the head of a large sheet from it as from the whole file.
    None when the sheet has fewer rows or its XML is not laid out as Excel writes it."""
    cut = 0
    for _ in range(rows):
        cut = xml.find(b"</row>", cut)
        if cut < 0:
            return None
        cut += len(b"</row>")
    if b"<sheetData" not in xml[:cut]:
        return None
    merges_at = xml.find(b"<mergeCells", cut)
    merges_end = xml.find(b"</mergeCells>", merges_at) if merges_at >= 0 else -1
    if merges_at >= 0 and merges_end < 0:
        return None
    merges = xml[merges_at : merges_end + len(b"</mergeCells>")] if merges_at >= 0 else b""
    head = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(head, "w") as target:
        for info in source.infolist():
            if info.filename == part:
                target.writestr(info.filename, xml[:cut] + b"</sheetData>" + merges + b"</worksheet>")
            elif info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                target.writestr(info.filename, _EMPTY_SHEET)
            else:
                target.writestr(info.filename, source.read(info))
    return head.getvalue()


def _arrow_excel_grid(
    path: Path, sheet: str | int | None, conn: duckdb.DuckDBPyConnection, table: str, head_rows: int
) -> SheetGrid | None:
    """An xlsx sheet longer than its head: the head read by calamine from a copy cut after it, the rest
    left to one Arrow read once the header is known. None for any other file."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    with _open_workbook(path) as workbook:
        name = _choose_sheet(path, workbook, sheet)
    found = sheet_xml(path, name)
    if found is None:
        return None
    part, xml = found
    head_bytes = _head_workbook(path, part, xml, head_rows)
    if head_bytes is None:
        return None
    try:
        with CalamineWorkbook.from_filelike(io.BytesIO(head_bytes)) as workbook:
            head_sheet = workbook.get_sheet_by_name(name)
            head, merged = _python_cells(head_sheet), head_sheet.merged_cell_ranges or []
    except CalamineError:
        return None
    excel = _ExcelRows(path, name, merged, head.tolist())
    return SheetGrid(
        name, table, head.shape[1], head[:head_rows].tolist(), conn, excel=excel, flags=flags_of(xml)
    )


# ---------------------------------------------------------------------------------------------------------
# Headers
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeaderMatch:
    header_row: int  # 0-based index of the LAST header row
    labels: list[str]  # one per column, e.g. '秋冬季减排核查企业/本月' for two header rows, else 'PM2.5'
    units: list[str | None]  # unit split from the header; a lower header row's unit wins over the group's
    title: str | None  # the non-empty rows above the header joined by ' ', or None


def _label_key(label: str) -> str:
    return label.replace(" ", "")


def _split_row(row: list[object], width: int) -> list[tuple[str, str | None]]:
    cells = list(row) + [None] * (width - len(row))
    return [split_header(cell) for cell in cells]


def _row_has_labels(row: list[object], wanted: set[str]) -> bool:
    present = {_label_key(label) for label, _ in _split_row(row, len(row))}
    return wanted <= present


def _fill_group_labels(grid: list[list[tuple[str, str | None]]]) -> None:
    """Extend each group label rightwards over the columns it spans.

    Needed where merged ranges were not available (CSV). A group only spans columns that have a
    sub-label below, so trailing empty columns stay unlabelled.
    """
    for level, cells in enumerate(grid[:-1]):
        group: tuple[str, str | None] = ("", None)
        for column, cell in enumerate(cells):
            if cell[0]:
                group = cell
            elif any(lower[column][0] for lower in grid[level + 1 :]):
                cells[column] = group


def _combine(column_cells: list[tuple[str, str | None]]) -> tuple[str, str | None]:
    parts: list[str] = []
    unit = None
    for label, cell_unit in column_cells:
        if label and (not parts or parts[-1] != label):  # a vertically merged label appears once
            parts.append(label)
        unit = cell_unit or unit
    return "/".join(parts), unit


def _title(rows: list[list[object]]) -> str | None:
    pieces: list[str] = []
    for row in rows:
        for cell in row:
            text = normalise_text(cell)
            if text and text not in pieces:  # a merged title repeats in every cell it spans
                pieces.append(text)
    return " ".join(pieces) or None


def find_header(
    sheet: SheetData, must_contain: list[str], header_rows: int = 1, scan_rows: int = HEADER_SCAN_ROWS
) -> HeaderMatch:
    """Find the header: the first row (within scan_rows) whose labels include all of must_contain.

    With header_rows > 1 that row is the top header row (group labels) and the rows below it hold the
    sub-labels; the labels are combined top to bottom as 'group/sub'.
    """
    if header_rows < 1:
        raise ValueError(f"header_rows must be at least 1, got {header_rows}")
    wanted = {_label_key(split_header(text)[0]) for text in must_contain}
    top = next((i for i, row in enumerate(sheet.rows[:scan_rows]) if _row_has_labels(row, wanted)), None)
    if top is None:
        raise ReadError(
            f'header row with {must_contain} not found in the first {scan_rows} rows of sheet "{sheet.name}"'
        )
    header = sheet.rows[top : top + header_rows]
    width = max(len(row) for row in header)
    grid = [_split_row(row, width) for row in header]
    _fill_group_labels(grid)
    combined = [_combine([cells[column] for cells in grid]) for column in range(width)]
    return HeaderMatch(
        header_row=top + len(header) - 1,
        labels=[label for label, _ in combined],
        units=[unit for _, unit in combined],
        title=_title(sheet.rows[:top]),
    )
