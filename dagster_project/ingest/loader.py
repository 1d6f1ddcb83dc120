"""Load one source's submissions from the inbox into raw.<table>, with lineage and rejects.

Per file: read → find header → parse every cell by the registry's column types → validate →
replace the rows of the file's identity in one transaction. A file whose content (sha256) was seen
before is skipped, so loading the same inbox twice changes nothing. Of several files for one
identity only the newest version is loaded; an older version never replaces a newer one.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from ..faults import crash_point
from ..privacy import MASK, mask_text, pseudonym
from .columnar import FOOTER_MARK, TOTAL_MARK, ColumnarParser, cell_mark, drop_tables, not_in, values_table
from .identity import FileIdentity, IdentityError, identity_periods, parse_identity
from .normalise import (
    CellError,
    ColumnUnit,
    DistrictTable,
    UnitTable,
    normalise_text,
    parse_bool,
    parse_date,
    parse_integer,
    parse_number,
    parse_timestamp,
)
from .readers import HEADER_SCAN_ROWS, ReadError, SheetData, find_header, read_grid
from .registry import LINEAGE_COLUMNS, ColumnSpec, SourceSpec, load_registry
from .schema import FILES_TABLE, REJECTS_TABLE, ensure_raw_schema, record_source, source_columns
from .sql import quote_identifier
from .xlsx_flags import sheet_flags

log = logging.getLogger(__name__)

# SQL text here names tables and columns only through the schema constants or quote_identifier(), and
# every value travels as a ? parameter: hence the S608 warnings silenced line by line.

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv"}
TOTAL_LABELS = {"合计", "总计", "全市合计", "全市总计"}
_parse_numbers = itertools.count()


@dataclass(frozen=True)
class Reject:
    file_path: str
    file_sha256: str | None
    sheet: str | None
    row_number: int | None
    column_name: str | None
    value: str | None
    reason: str
    scope: str  # file, row or cell


class FileRejected(Exception):
    def __init__(self, reject: Reject):
        super().__init__(reject.reason)
        self.reject = reject


@dataclass
class ParseContext:
    units: UnitTable
    districts: DistrictTable
    references: dict[str, dict[str, str | None]]
    today: date
    pseudonym_key: bytes
    # where the columnar parse keeps its temporary tables: the build connection during a load
    conn: duckdb.DuckDBPyConnection | None = None


@dataclass
class ParsedFile:
    """A parsed file: rows the columnar parse passed wait in `bulk_table` of `conn`; the rows the
    per-row parser decided are in `decided_rows`."""

    rel_path: str
    sha256: str
    identity: FileIdentity
    sheet: str
    conn: duckdb.DuckDBPyConnection
    bulk_table: str
    bulk_count: int = 0
    decided_rows: list[dict] = field(default_factory=list)
    totals: list[dict] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        return self.bulk_count + len(self.decided_rows)

    @property
    def rows(self) -> list[dict]:
        """Every detail row as a dict, in sheet order (for inspection; loading reads the table)."""
        result = self.conn.execute(f"SELECT * FROM {self.bulk_table}")  # noqa: S608 quoted identifiers and temp-table names; values are parameters
        names = [d[0] for d in result.description]
        bulk = [dict(zip(names, row, strict=True)) for row in result.fetchall()]
        return sorted([*bulk, *self.decided_rows], key=lambda row: row["_row_number"])


@dataclass
class SourceReport:
    source: str
    files_seen: int = 0
    files_loaded: list[str] = field(default_factory=list)
    files_skipped: list[str] = field(default_factory=list)
    files_superseded: list[str] = field(default_factory=list)
    files_failed: list[str] = field(default_factory=list)
    rows_loaded: int = 0
    rejects: list[Reject] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def discover(raw_dir: Path, pattern: str) -> list[Path]:
    return sorted(
        p
        for p in raw_dir.glob(pattern)
        if p.is_file() and p.suffix.lower() in SPREADSHEET_SUFFIXES and not p.name.startswith(("~$", "."))
    )


def _matches(label: str, wanted: str) -> bool:
    def squash(text):
        return (normalise_text(text) or "").replace(" ", "").lower()

    return squash(label) == squash(wanted)


def _locate_columns(spec: SourceSpec, labels: list[str], reject) -> dict[str, int]:
    located = {}
    for column in spec.columns:
        found = [
            i for i, label in enumerate(labels) if label and any(_matches(label, h) for h in column.headers)
        ]
        if len(found) > 1:
            raise FileRejected(
                reject(
                    None,
                    column.name,
                    None,
                    f"column {column.headers[0]} appears more than once (spreadsheet columns "
                    f"{', '.join(str(i + 1) for i in found)}) / 表头列重复",
                    "file",
                )
            )
        if found:
            located[column.name] = found[0]
        elif column.required:
            raise FileRejected(
                reject(
                    None,
                    column.name,
                    None,
                    f"required column {column.headers[0]} is missing / 缺少必填列「{column.headers[0]}」; "
                    f"header has {[lbl for lbl in labels if lbl]}",
                    "file",
                )
            )
    return located


def _column_units(spec, located, units_in_header, ctx: ParseContext, reject) -> dict[str, str]:
    """The unit each convertible column was submitted in: from its header, else the registry's unit."""
    found = {}
    for column in spec.columns:
        if column.unit is None or ctx.units.canonical(column.unit) is None or column.name not in located:
            continue
        header_unit = units_in_header[located[column.name]]
        unit = ctx.units.canonical(header_unit) if header_unit else ctx.units.canonical(column.unit)
        if unit is None:
            raise FileRejected(
                reject(None, column.name, header_unit, f"unknown unit {header_unit} / 未知计量单位", "file")
            )
        try:
            ctx.units.factor(unit, ctx.units.canonical(column.unit))
        except CellError as error:
            raise FileRejected(reject(None, column.name, header_unit, str(error), "file")) from error
        found[column.name] = unit
    return found


@cache
def _registry_units() -> frozenset[str]:
    """Every unit a registry column is declared in, convertible or a counting word (家, 人次, 辆)."""
    return frozenset(c.unit for spec in load_registry().values() for c in spec.columns if c.unit)


def _column_unit(column: ColumnSpec, ctx: ParseContext, submitted: str | None) -> ColumnUnit:
    """The column's unit for the ColumnUnit rule: the submitted unit if convertible, else the registry's."""
    own = submitted or column.unit

    def is_own(text: str) -> bool:
        if own is None:
            return False
        canonical = ctx.units.canonical(text)
        return canonical == own if canonical else normalise_text(text) == normalise_text(own)

    def is_unit(text: str) -> bool:
        return ctx.units.canonical(text) is not None or normalise_text(text) in _registry_units()

    return ColumnUnit(own, is_own, is_unit)


def _parse_cell(
    column: ColumnSpec, value, ctx: ParseContext, to_registry_unit: float = 1.0, unit: str | None = None
):
    """The typed value of one cell and its qualifier, or CellError with the reason.

    Range limits are in the registry's unit; a value submitted in another unit (CO in μg/m³) is
    compared after conversion, and stored as submitted with its unit.
    """
    if column.type in ("number", "integer"):
        parser = parse_integer if column.type == "integer" else parse_number
        parsed = parser(value, allow_qualifier=column.approx, unit=_column_unit(column, ctx, unit))
        number, qualifier = parsed.value, parsed.qualifier
        if number is not None:
            if number in (-999, -9999, -99):
                raise CellError(f"missing-value sentinel {value} / 缺测标记值")
            comparable = number * to_registry_unit
            if column.minimum is not None and comparable < column.minimum:
                raise CellError(
                    f"{number:g} is below the minimum {column.minimum} {column.unit or ''} / 小于下限"
                )
            if column.maximum is not None and comparable > column.maximum:
                raise CellError(
                    f"{number:g} is above the maximum {column.maximum} {column.unit or ''} / 超过上限"
                )
        return number, qualifier
    if column.type == "date":
        return parse_date(value), None
    if column.type == "timestamp":
        return parse_timestamp(value), None
    if column.type == "bool":
        return parse_bool(value), None
    text = normalise_text(value)
    if text is None:
        return None, None
    if column.type == "district":
        return ctx.districts.resolve(text), None
    if column.allowed and text not in column.allowed:
        raise CellError(f'"{text}" is not one of {list(column.allowed)} / 取值不在允许范围')
    return text, None


def _period_bounds(identity: FileIdentity, convention: str) -> tuple[datetime, datetime] | None:
    period = identity.part("period")
    if period is None:
        return None
    year, month = map(int, period.split("-"))
    start = datetime(year, month, 1)
    end = datetime(year + month // 12, month % 12 + 1, 1)
    if convention == "hour_ending":
        return start + timedelta(seconds=1), end
    return start, end - timedelta(microseconds=1)


def _check_row_dates(spec, row, identity, ctx: ParseContext) -> tuple[str, str] | None:
    """(column, reason) when a date lies in the future or outside the file's period."""
    bounds = _period_bounds(identity, spec.period_convention)
    for column in spec.columns:
        value = row.get(column.name)
        if column.type not in ("date", "timestamp") or value is None:
            continue
        moment = value if isinstance(value, datetime) else datetime.combine(value, datetime.min.time())
        if moment.date() > ctx.today + timedelta(days=1 if column.type == "timestamp" else 0):
            return column.name, f"date {value} is in the future / 日期晚于今天"
        if column.name == spec.period_column and bounds and not bounds[0] <= moment <= bounds[1]:
            return (
                column.name,
                f"{value} is outside the file's period {identity.part('period')} / 不在报送期内",
            )
    return None


def _row_kind(cells: list, total_labels: set[str]) -> str:
    """'blank', 'footer', 'total' or 'detail' (the same rule the columnar parse applies in SQL)."""
    marks = [m for m in (cell_mark(cell, total_labels) for cell in cells) if m is not None]
    if not marks:
        return "blank"
    if marks[0] & FOOTER_MARK:
        return "footer"
    if any(m & TOTAL_MARK for m in marks[:3]):
        return "total"
    return "detail"


def _parse_row(spec, identity, index, cells, located, units, flags, is_total, ctx, factors, reject):
    """The per-row parser for a row the columnar parse did not pass: (row or None if rejected, rejects)."""
    row_number = index + 1
    if index in flags.hidden_rows:
        reason = "hidden row: unhide it if it belongs to the submission / 隐藏行未导入"
        return None, [reject(row_number, None, None, reason, "row")]
    row, row_rejects = {}, []
    for column in spec.columns:
        raw_value = (
            cells[located[column.name]]
            if column.name in located and located[column.name] < len(cells)
            else None
        )
        if is_total and column.name in spec.key:
            row[column.name] = "合计"
            continue
        try:
            if (index, located.get(column.name)) in flags.formulas_without_value:
                raise CellError(
                    "formula saved without a calculated value: recalculate and save in Excel / 公式无计算结果"
                )
            value, qualifier = _parse_cell(
                column, raw_value, ctx, factors.get(column.name, 1.0), units.get(column.name)
            )
            # a 合计 row carries only its label and the totals: descriptive columns stay empty
            if value is None and column.required and not is_total:
                raise CellError(f"required value is empty / 必填项为空 ({column.headers[0]})")
            if (
                column.reference
                and value is not None
                and value not in ctx.references[column.reference.source]
            ):
                label = (
                    cells[located[column.reference.label_column]]
                    if column.reference.label_column in located
                    else None
                )
                raise CellError(
                    f'unknown {column.name} "{value}"{f" ({normalise_text(label)})" if label else ""}: '
                    f"not in the {column.reference.source} register / 不在{column.reference.source}名录中"
                )
        except CellError as error:
            scope = "cell" if spec.on_invalid_value == "null_cell" and not column.required else "row"
            row_rejects.append(reject(row_number, column.name, raw_value, str(error), scope))
            value, qualifier = None, None
        row[column.name] = value
        if column.name in units:
            row[f"{column.name}_unit"] = units[column.name]
        if column.approx:
            row[f"{column.name}_qualifier"] = qualifier
    if not is_total and not any(r.scope == "row" for r in row_rejects):
        bad_date = _check_row_dates(spec, row, identity, ctx)
        if bad_date:
            row_rejects.append(reject(row_number, bad_date[0], row[bad_date[0]], bad_date[1], "row"))
    if any(r.scope == "row" for r in row_rejects):
        return None, row_rejects
    return row, row_rejects


def parse_file(path: Path, rel_path: str, sha256: str, spec: SourceSpec, ctx: ParseContext) -> ParsedFile:
    sheet_name = "" if path.suffix.lower() == ".csv" else spec.sheet or ""

    def reject(row, column, value, reason, scope):
        text = None if value is None else str(value)
        if text is not None and column in spec.personal_columns:
            reason, text = reason.replace(text, MASK), MASK
        return Reject(rel_path, sha256, sheet_name, row, column, mask_text(text), mask_text(reason), scope)

    conn = ctx.conn or duckdb.connect()
    prefix = f"_ingest_{next(_parse_numbers)}"
    try:
        try:
            grid = read_grid(
                path,
                spec.sheet if path.suffix.lower() != ".csv" else None,
                conn,
                f"{prefix}_grid",
                HEADER_SCAN_ROWS + spec.header_rows,
            )
            sheet_name = grid.name
            header = find_header(
                SheetData(grid.name, grid.head), list(spec.header_contains), spec.header_rows
            )
            identity = parse_identity(spec.name, spec.identity, path.stem, header.title, ctx.districts)
            grid.load_rows(header.header_row + 1)
        except (ReadError, IdentityError) as error:
            raise FileRejected(reject(None, None, None, str(error), "file")) from error
        flags = grid.flags if grid.flags is not None else sheet_flags(path, sheet_name)
        located = _locate_columns(spec, header.labels, reject)
        units = _column_units(spec, located, header.units, ctx, reject)
        file = ParsedFile(rel_path, sha256, identity, grid.name, conn, f"{prefix}_rows")
        return _parse_columns(spec, ctx, prefix, grid, header, flags, located, units, reject, file)
    except BaseException:
        drop_tables(conn, prefix)
        raise


def header_columns(path: Path, spec: SourceSpec) -> dict[str, int]:
    """Each registry column's 0-based spreadsheet column in the file, located as parse_file locates it
    (to name a rejected cell as the spreadsheet does); empty when the file's header cannot be read."""

    def reject(row, column, value, reason, scope):
        return Reject(path.name, None, None, row, column, value, reason, scope)

    conn = duckdb.connect()
    try:
        grid = read_grid(
            path,
            spec.sheet if path.suffix.lower() != ".csv" else None,
            conn,
            "_header_grid",
            HEADER_SCAN_ROWS + spec.header_rows,
        )
        header = find_header(SheetData(grid.name, grid.head), list(spec.header_contains), spec.header_rows)
        return _locate_columns(spec, header.labels, reject)
    except (ReadError, FileRejected):
        return {}
    finally:
        conn.close()


def _parse_columns(spec, ctx, prefix, grid, header, flags, located, units, reject, parsed) -> ParsedFile:
    conn, identity = parsed.conn, parsed.identity
    factors = {
        name: ctx.units.factor(unit, ctx.units.canonical(spec.column(name).unit))
        for name, unit in units.items()
    }
    total_labels = TOTAL_LABELS | ({spec.total_row_label} if spec.total_row_label else set())
    columnar = ColumnarParser(conn, grid, prefix).parse(
        spec,
        located,
        factors,
        header.header_row + 1,
        total_labels,
        flags.hidden_rows | {row for row, _ in flags.formulas_without_value},
        lambda column, value, factor: _parse_cell(column, value, ctx, factor, units.get(column.name)),
        ctx.references,
        ctx.today,
        _period_bounds(identity, spec.period_convention),
    )
    cells = grid.cells(columnar.attention)
    decided: list[dict] = []
    for index in columnar.attention:
        is_total = _row_kind(cells[index], total_labels) == "total"
        row, row_rejects = _parse_row(
            spec, identity, index, cells[index], located, units, flags, is_total, ctx, factors, reject
        )
        parsed.rejects.extend(row_rejects)
        if row is not None:
            row.update(_sheet=grid.name, _row_number=index + 1)
            (parsed.totals if is_total else decided).append(row)
    duplicates = _duplicate_rows(spec, conn, prefix, columnar.typed, decided, reject)
    parsed.rejects.extend(duplicates.values())
    # in sheet order, a row's duplicate-key reject after its cell rejects, as the per-row loop wrote them
    late = {id(r) for r in duplicates.values()}
    parsed.rejects.sort(key=lambda r: (r.row_number or 0, id(r) in late))
    parsed.decided_rows = [row for row in decided if row["_row_number"] not in duplicates]
    for row in [*parsed.decided_rows, *parsed.totals]:
        for derived, personal in spec.pseudonyms:
            row[derived] = pseudonym(row.get(personal), ctx.pseudonym_key)
    parsed.bulk_count = _bulk_rows(spec, ctx, conn, prefix, columnar.typed, units, grid.name, set(duplicates))
    drop_tables(conn, prefix, keep=parsed.bulk_table)
    return parsed


def _duplicate_rows(spec, conn, prefix, typed, decided, reject) -> dict[int, Reject]:
    """Row number → reject of every row whose key an earlier loaded row has (the first keeps it)."""
    key_columns = {f"v_{k}": spec.column(k).sql_type for k in spec.key}
    decided_keys = f"{prefix}_decided_keys"
    values_table(
        conn,
        decided_keys,
        {"_row_number": "BIGINT", **key_columns},
        [(row["_row_number"], *(row[k] for k in spec.key)) for row in decided],
    )
    keys = ", ".join(key_columns)
    same_key = " AND ".join(f"k.{k} IS NOT DISTINCT FROM r.{k}" for k in key_columns)
    # keys seen more than once are few: group first, then look up only their rows
    found = conn.execute(
        f"WITH keyed AS (SELECT _index + 1 AS _row_number, {keys} FROM {typed} WHERE _fast "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
        f"UNION ALL SELECT _row_number, {keys} FROM {decided_keys}), "
        f"repeated AS (SELECT {keys}, min(_row_number) AS first_seen FROM keyed GROUP BY ALL "
        "HAVING count(*) > 1) "
        f"SELECT k._row_number, r.first_seen, {', '.join(f'k.{k}' for k in key_columns)} "
        f"FROM keyed AS k JOIN repeated AS r ON {same_key} "
        "WHERE k._row_number > r.first_seen ORDER BY k._row_number"
    ).fetchall()
    return {
        row_number: reject(
            row_number,
            ",".join(spec.key),
            tuple(key),
            f"duplicate key, first seen at row {first_seen} / 重复记录",
            "row",
        )
        for row_number, first_seen, *key in found
    }


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _bulk_rows(spec, ctx, conn, prefix, typed, units, sheet, duplicates: set[int]) -> int:
    """The rows the columnar parse passed, as the raw table's columns, into table <prefix>_rows."""
    outputs, joins = [], []
    for column in spec.columns:
        outputs.append(f"v_{column.name} AS {quote_identifier(column.name)}")
        if column.name in units:
            outputs.append(f"{_sql_literal(units[column.name])} AS {quote_identifier(column.name + '_unit')}")
        if column.approx:
            outputs.append(f"q_{column.name} AS {quote_identifier(column.name + '_qualifier')}")
    for number, (derived, personal) in enumerate(spec.pseudonyms):
        values = conn.execute(f"SELECT DISTINCT v_{personal} FROM {typed} WHERE _fast").fetchall()  # noqa: S608 quoted identifiers and temp-table names; values are parameters
        mapping = f"{prefix}_pseudonym{number}"
        values_table(
            conn,
            mapping,
            {"raw": "VARCHAR", "pseudonym": "VARCHAR"},
            [(value, pseudonym(value, ctx.pseudonym_key)) for (value,) in values],
        )
        joins.append(f"LEFT JOIN {mapping} AS s{number} ON t.v_{personal} IS NOT DISTINCT FROM s{number}.raw")
        outputs.append(f"s{number}.pseudonym AS {quote_identifier(derived)}")
    outputs += [f"{_sql_literal(sheet)} AS _sheet", "CAST(_index + 1 AS INTEGER) AS _row_number"]
    where = " AND ".join(["_fast", *not_in("_index", {n - 1 for n in duplicates})])
    conn.execute(
        f"CREATE OR REPLACE TEMP TABLE {prefix}_rows AS SELECT {', '.join(outputs)} FROM {typed} AS t "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
        f"{' '.join(joins)} WHERE {where} ORDER BY _index"
    )
    return conn.execute(f"SELECT count(*) FROM {prefix}_rows").fetchone()[0]  # noqa: S608 quoted identifiers and temp-table names; values are parameters


def _frame(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    pandas_types = {"DOUBLE": "Float64", "BIGINT": "Int64", "INTEGER": "Int32", "BOOLEAN": "boolean"}
    frame = pd.DataFrame({name: [row.get(name) for row in rows] for name in columns})
    for name, sql_type in columns.items():
        if sql_type in pandas_types:
            frame[name] = frame[name].astype(pandas_types[sql_type])
        elif sql_type == "TIMESTAMP":
            frame[name] = pd.to_datetime(frame[name])
    return frame


def _insert(conn, table: str, rows: list[dict], columns: dict[str, str]) -> None:
    if not rows:
        return
    frame = _frame(rows, columns)
    conn.register("incoming_rows", frame)
    try:
        casts = ", ".join(
            f"CAST({quote_identifier(c)} AS {t}) AS {quote_identifier(c)}" for c, t in columns.items()
        )
        conn.execute(
            f"INSERT INTO raw.{quote_identifier(table)} BY NAME "  # noqa: S608
            f"SELECT {casts} FROM incoming_rows"
        )
    finally:
        conn.unregister("incoming_rows")


def _record_rejects(conn, spec: SourceSpec, batch: str, rejects: list[Reject], now: datetime) -> None:
    if rejects:
        conn.executemany(
            f"INSERT INTO {REJECTS_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            [
                [
                    batch,
                    spec.name,
                    r.file_path,
                    r.file_sha256,
                    r.sheet,
                    r.row_number,
                    r.column_name,
                    r.value,
                    r.reason,
                    r.scope,
                    now,
                ]
                for r in rejects
            ],
        )


def _record_file(
    conn, spec, rel_path, sha, identity: FileIdentity | None, status, loaded, rejected, message, batch, now
):
    period = identity_periods(identity)
    conn.execute(
        f"INSERT INTO {FILES_TABLE} (source, file_path, file_sha256, file_identity, file_version, status, "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
        "rows_loaded, rows_rejected, message, load_batch, loaded_at, period_month, period_year, district) "  # noqa: S608
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            spec.name,
            rel_path,
            sha,
            identity.key if identity else None,
            str(identity.version) if identity else None,
            status,
            loaded,
            rejected,
            message,
            batch,
            now,
            *period.values(),
        ],
    )


def _current_versions(conn, spec: SourceSpec) -> dict[str, tuple[str, str]]:
    rows = conn.execute(
        f"SELECT file_identity, file_version, file_sha256 FROM {FILES_TABLE} "  # noqa: S608
        "WHERE source = ? AND status = 'loaded'",
        [spec.name],
    ).fetchall()
    return {identity: (version, sha) for identity, version, sha in rows}


def load_reference_values(conn, spec: SourceSpec) -> dict[str, dict[str, str | None]]:
    references = {}
    for ref in spec.references:
        label = quote_identifier(ref.label_column) if ref.label_column else "NULL"
        rows = conn.execute(
            f"SELECT {quote_identifier(ref.column)}, {label} "  # noqa: S608
            f"FROM raw.{quote_identifier(ref.source)}"
        ).fetchall()
        references[ref.source] = dict(rows)
    return references


def _lineage(spec: SourceSpec, parsed: ParsedFile, batch: str, now: datetime) -> dict[str, object]:
    identity = parsed.identity
    return {
        "_source": spec.name,
        "_file_path": parsed.rel_path,
        "_file_sha256": parsed.sha256,
        "_file_identity": identity.key,
        "_file_version": str(identity.version),
        "_load_batch": batch,
        "_loaded_at": now,
        **{f"_{name}": value for name, value in identity_periods(identity).items()},
    }


def _insert_bulk(conn, table: str, parsed: ParsedFile, lineage: dict[str, object]) -> None:
    if not parsed.bulk_count:
        return
    values = ", ".join(f"CAST(? AS {LINEAGE_COLUMNS[name]}) AS {quote_identifier(name)}" for name in lineage)
    conn.execute(
        f"INSERT INTO raw.{quote_identifier(table)} BY NAME SELECT *, {values} FROM {parsed.bulk_table}",  # noqa: S608 quoted identifiers and temp-table names; values are parameters
        list(lineage.values()),
    )


def _load_winner(conn, spec, parsed: ParsedFile, columns, batch, now, previous_sha) -> int:
    lineage = _lineage(spec, parsed, batch, now)
    conn.execute("BEGIN TRANSACTION")
    try:
        for table, rows in ((spec.raw_table, parsed.decided_rows), (spec.totals_table, parsed.totals)):
            if table is None:
                continue
            conn.execute(
                f"DELETE FROM raw.{quote_identifier(table)} WHERE _file_identity = ?",  # noqa: S608
                [parsed.identity.key],
            )
            if table == spec.raw_table:
                _insert_bulk(conn, table, parsed, lineage)
            _insert(conn, table, [{**row, **lineage} for row in rows], columns)
        if previous_sha:
            conn.execute(
                f"UPDATE {FILES_TABLE} SET status = 'replaced' "  # noqa: S608
                "WHERE source = ? AND file_sha256 = ? AND status = 'loaded'",
                [spec.name, previous_sha],
            )
        _record_rejects(conn, spec, batch, parsed.rejects, now)
        _record_file(
            conn,
            spec,
            parsed.rel_path,
            parsed.sha256,
            parsed.identity,
            "loaded",
            parsed.row_count,
            len(parsed.rejects),
            None,
            batch,
            now,
        )
        crash_point("ingest:mid_transaction")
        conn.execute("COMMIT")
    except Exception:
        conn.execute("ROLLBACK")
        raise
    return parsed.row_count


def _fail(conn, spec, report, rel_path, sha, reason_reject: Reject, batch, now, identity=None):
    conn.execute("BEGIN TRANSACTION")
    _record_rejects(conn, spec, batch, [reason_reject], now)
    _record_file(conn, spec, rel_path, sha, identity, "failed", 0, 1, reason_reject.reason, batch, now)
    conn.execute("COMMIT")
    report.files_failed.append(rel_path)
    report.rejects.append(reason_reject)


def _supersede(conn, spec, report, parsed: ParsedFile, why: str, batch, now) -> None:
    """Record a parsed file that is not loaded because another version of its submission wins."""
    _record_file(
        conn, spec, parsed.rel_path, parsed.sha256, parsed.identity, "superseded", 0, 0, why, batch, now
    )
    report.files_superseded.append(parsed.rel_path)


def ingest_source(
    conn: duckdb.DuckDBPyConnection,
    spec: SourceSpec,
    raw_dir: Path,
    batch: str,
    units: UnitTable,
    districts: DistrictTable,
    pseudonym_key: bytes,
    today: date | None = None,
) -> SourceReport:
    """Bring raw.<spec.raw_table> up to date with the inbox; returns what happened to each file."""
    convertible = units.units()
    ensure_raw_schema(conn, spec, convertible)
    columns = source_columns(spec, convertible)
    now = datetime.now(UTC).replace(tzinfo=None)
    record_source(conn, spec, now)
    ctx = ParseContext(
        units, districts, load_reference_values(conn, spec), today or date.today(), pseudonym_key, conn
    )
    parsed_files: list[ParsedFile] = []
    try:
        return _ingest_files(conn, spec, raw_dir, batch, ctx, columns, now, parsed_files)
    finally:
        for parsed in parsed_files:
            conn.execute(f"DROP TABLE IF EXISTS {parsed.bulk_table}")


def _ingest_files(conn, spec, raw_dir, batch, ctx, columns, now, parsed_files) -> SourceReport:
    report = SourceReport(spec.name)
    seen = {
        sha
        for (sha,) in conn.execute(
            f"SELECT file_sha256 FROM {FILES_TABLE} WHERE source = ?",  # noqa: S608
            [spec.name],
        ).fetchall()
    }
    by_identity: dict[str, list[ParsedFile]] = defaultdict(list)
    for path in discover(raw_dir, spec.files):
        report.files_seen += 1
        rel_path = path.relative_to(raw_dir).as_posix()
        sha = file_sha256(path)
        if sha in seen:
            report.files_skipped.append(rel_path)
            continue
        seen.add(sha)
        try:
            parsed = parse_file(path, rel_path, sha, spec, ctx)
        except FileRejected as rejected:
            _fail(conn, spec, report, rel_path, sha, rejected.reject, batch, now)
            continue
        parsed_files.append(parsed)
        by_identity[parsed.identity.key].append(parsed)

    current = _current_versions(conn, spec)
    for identity_key in sorted(by_identity):
        group = sorted(by_identity[identity_key], key=lambda p: p.identity.version)
        newest = group[-1]
        ties = [p for p in group if p.identity.version == newest.identity.version]
        loaded_version, loaded_sha = current.get(identity_key, (None, None))
        if len(ties) > 1 or loaded_version == str(newest.identity.version):
            for parsed in ties:
                _fail(
                    conn,
                    spec,
                    report,
                    parsed.rel_path,
                    parsed.sha256,
                    Reject(
                        parsed.rel_path,
                        parsed.sha256,
                        parsed.sheet,
                        None,
                        None,
                        None,
                        f"two different files claim {identity_key} version {newest.identity.version}: "
                        "put a version (_v2) or submission date (报送YYYYMMDD) in the newer file's name / "
                        "同一报送对象存在版本相同的不同文件",
                        "file",
                    ),
                    batch,
                    now,
                    parsed.identity,
                )
            group = [p for p in group if p not in ties]
            newest = None
        for parsed in group:
            if parsed is not newest:
                _supersede(
                    conn, spec, report, parsed, "a newer version of this submission exists", batch, now
                )
        if newest is None:
            continue
        if loaded_version is not None and loaded_version > str(newest.identity.version):
            _supersede(conn, spec, report, newest, "an older version than the one loaded", batch, now)
            continue
        report.rows_loaded += _load_winner(conn, spec, newest, columns, batch, now, loaded_sha)
        report.files_loaded.append(newest.rel_path)
        report.rejects.extend(newest.rejects)
    return report
