"""Typing and validation of a whole sheet at once, as set operations in DuckDB.

Every rule stays in the per-cell parser (loader._parse_cell, normalise.py); this module only decides
which cells need it. A cell is a pure function of its column and its raw value, so each column is typed
by SQL where the text is plainly a number or an ISO time (the fast path), and every other distinct raw
value goes once through the per-cell parser; the results join back. Rows the fast path cannot pass
(a total row, a hidden row, a formula without value, any bad cell, a missing required value, an unknown
reference, a date outside the period) are handed back to the per-row Python, so their rejects read
exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import duckdb

from .normalise import CellError, normalise_text
from .readers import SheetGrid
from .registry import ColumnSpec, SourceSpec
from .sql import quote_identifier

FOOTER_PREFIXES = ("填报", "填表", "审核", "备注", "说明", "注:", "注：", "制表", "联系人", "负责人")
FOOTER_MARK, TOTAL_MARK = 1, 2
_PLAIN_ASCII = "[ -~]*[!-~][ -~]*"  # printable ASCII with a visible character: never blank, footer or total
_PLAIN_DECIMAL = r"[0-9]{1,15}(\.[0-9]{1,15})?"
_PLAIN_INTEGER = "[0-9]{1,15}"
_SENTINELS = (-999, -9999, -99)


def sql_text(value: object) -> str | None:
    """A Python value as text DuckDB casts back to the same value."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def values_table(conn, table: str, columns: dict[str, str], rows: list[tuple]) -> None:
    """A temporary table from Python rows, typed by `columns` (name → SQL type), in one statement."""
    names = list(columns)
    lists = [[sql_text(row[i]) for row in rows] for i in range(len(names))]
    inner = ", ".join(f"unnest(?::VARCHAR[]) AS v{i}" for i in range(len(names)))
    outer = ", ".join(
        f"CAST(v{i} AS {t}) AS {quote_identifier(n)}" for i, (n, t) in enumerate(columns.items())
    )
    source = f"SELECT {inner}" if rows else "SELECT " + ", ".join(f"NULL AS v{i}" for i in range(len(names)))
    conn.execute(
        f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT {outer} FROM ({source}) "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
        + ("" if rows else "WHERE false"),
        lists if rows else [],
    )


def not_in(expression: str, values: set[int]) -> list[str]:
    """The SQL condition that expression is none of values, as a list of zero or one condition."""
    return [f"{expression} NOT IN ({', '.join(str(v) for v in sorted(values))})"] if values else []


def cell_mark(cell: object, total_labels: set[str]) -> int | None:
    """None for a blank cell, else FOOTER_MARK / TOTAL_MARK bits: text starting a footer, a total label."""
    if not isinstance(cell, str):
        return None if cell is None else 0
    text = normalise_text(cell)
    if text is None:
        return None
    footer = FOOTER_MARK if text.startswith(FOOTER_PREFIXES) else 0
    return footer | (TOTAL_MARK if text.replace(" ", "") in total_labels else 0)


@dataclass
class ColumnarParse:
    typed: str  # table: _index, _kind, _fast, and per column v_<name>, q_<name>
    attention: list[int]  # _index of detail and total rows for the per-row parser


class ColumnarParser:
    def __init__(self, conn: duckdb.DuckDBPyConnection, grid: SheetGrid, prefix: str):
        self.conn, self.grid, self.prefix = conn, grid, prefix
        self.types = {
            name: sql_type
            for name, sql_type, *_ in conn.execute(f"DESCRIBE {grid.table}").fetchall()
            if name != "_index"
        }
        self._maps = 0

    def _map(self, raw_type: str, columns: dict[str, str], rows: list[tuple]) -> str:
        self._maps += 1
        name = f"{self.prefix}_map{self._maps}"
        values_table(self.conn, name, {"raw": raw_type, **columns}, rows)
        return name

    def _marks(self, first_data_row: int, total_labels: set[str]) -> tuple[list[str], list[str]]:
        """Per grid column, a SQL expression of its cell mark, and the joins it needs."""
        expressions, joins = [], []
        for j in range(self.grid.width):
            cell, raw_type = f"g.c{j}", self.types[f"c{j}"]
            if raw_type != "VARCHAR" and j not in self.grid.decoders:
                expressions.append(f"CASE WHEN {cell} IS NULL THEN NULL ELSE 0 END")
                continue
            plain = f"regexp_full_match({cell}, '{_PLAIN_ASCII}')" if raw_type == "VARCHAR" else "false"
            undecided = self.conn.execute(
                f"SELECT DISTINCT {cell} FROM {self.grid.table} AS g "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
                f"WHERE g._index >= {first_data_row} AND {cell} IS NOT NULL AND NOT {plain}"
            ).fetchall()
            mapping = self._map(
                raw_type,
                {"mark": "INTEGER"},
                [(raw, cell_mark(self.grid.cell_value(j, raw), total_labels)) for (raw,) in undecided],
            )
            joins.append(f"LEFT JOIN {mapping} AS m{j} ON {cell} = m{j}.raw")
            expressions.append(f"CASE WHEN {cell} IS NULL THEN NULL WHEN {plain} THEN 0 ELSE m{j}.mark END")
        return expressions, joins

    def _fast_value(self, column: ColumnSpec, j: int, factor: float) -> tuple[str, str]:
        """(SQL value of the fast path or NULL, SQL condition that the fast value is valid)."""
        cell, raw_type = f"g.c{j}", self.types[f"c{j}"]
        numeric_raw = raw_type in ("DOUBLE", "BIGINT") and j not in self.grid.decoders
        value = "NULL"
        if column.type == "number":
            if raw_type == "VARCHAR":
                value = (
                    f"CASE WHEN regexp_full_match({cell}, '{_PLAIN_DECIMAL}') THEN CAST({cell} AS DOUBLE) END"
                )
            elif numeric_raw:
                value = f"CASE WHEN isfinite(CAST({cell} AS DOUBLE)) THEN CAST({cell} AS DOUBLE) END"
        elif column.type == "integer":
            if raw_type == "VARCHAR":
                value = (
                    f"CASE WHEN regexp_full_match({cell}, '{_PLAIN_INTEGER}') THEN CAST({cell} AS BIGINT) END"
                )
            elif numeric_raw:
                number = f"CAST({cell} AS DOUBLE)"
                whole = f"{number} = trunc({number}) AND abs({number}) < 1e15"
                value = f"CASE WHEN {whole} THEN CAST({number} AS BIGINT) END"
        elif column.type == "timestamp" and raw_type == "VARCHAR":
            pattern = "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}"
            moment = f"try_strptime({cell}, '%Y-%m-%d %H:%M')"
            value = f"CASE WHEN regexp_full_match({cell}, '{pattern}') THEN {moment} END"
        elif column.type == "date" and raw_type == "VARCHAR":
            pattern = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
            day = f"CAST(try_strptime({cell}, '%Y-%m-%d') AS DATE)"
            value = f"CASE WHEN regexp_full_match({cell}, '{pattern}') THEN {day} END"
        valid = [f"({value}) IS NOT NULL"]
        if column.type in ("number", "integer") and value != "NULL":
            valid.append(f"({value}) NOT IN {_SENTINELS}")
            if column.minimum is not None:
                valid.append(f"({value}) * {factor!r} >= {column.minimum!r}")
            if column.maximum is not None:
                valid.append(f"({value}) * {factor!r} <= {column.maximum!r}")
        return value, " AND ".join(valid)

    def parse(
        self,
        spec: SourceSpec,
        located: dict[str, int],
        factors: dict[str, float],
        first_data_row: int,
        total_labels: set[str],
        flagged_rows: set[int],
        parse_cell: Callable[[ColumnSpec, object, float], tuple[object, object]],
        references: dict[str, dict[str, str | None]],
        today: date,
        bounds: tuple[datetime, datetime] | None,
    ) -> ColumnarParse:
        marks, joins = self._marks(first_data_row, total_labels)
        marks_list = f"list_filter([{', '.join(marks) or 'NULL'}]::INTEGER[], lambda x: x IS NOT NULL)"
        kind = (
            f"CASE WHEN len(k) = 0 THEN 'blank' WHEN k[1] & {FOOTER_MARK} = {FOOTER_MARK} THEN 'footer' "
            f"WHEN len(list_filter(k[1:3], lambda x: x & {TOTAL_MARK} = {TOTAL_MARK})) > 0 THEN 'total' "
            "ELSE 'detail' END"
        )
        kinds = f"{self.prefix}_kinds"
        self.conn.execute(
            f"CREATE OR REPLACE TEMP TABLE {kinds} AS SELECT _index, {kind} AS _kind FROM "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
            f"(SELECT g._index, {marks_list} AS k FROM {self.grid.table} AS g {' '.join(joins)} "
            f"WHERE g._index >= {first_data_row})"
        )
        selects, column_joins, checks = [], [], []
        for column in spec.columns:
            name = column.name
            if name not in located:
                selects += [
                    f"CAST(NULL AS {column.sql_type}) AS v_{name}",
                    f"CAST(NULL AS VARCHAR) AS q_{name}",
                ]
                continue
            j, factor = located[name], factors.get(name, 1.0)
            fast, fast_valid = self._fast_value(column, j, factor)
            undecided = self.conn.execute(
                f"SELECT DISTINCT g.c{j} FROM {self.grid.table} AS g JOIN {kinds} USING (_index) "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
                f"WHERE _kind IN ('detail', 'total') AND NOT coalesce({fast_valid}, false)"
            ).fetchall()
            rows = []
            for (raw,) in undecided:
                try:
                    value, qualifier = parse_cell(column, self.grid.cell_value(j, raw), factor)
                    rows.append((raw, value, qualifier, None))
                except CellError as error:
                    rows.append((raw, None, None, str(error)))
            mapping = self._map(
                self.types[f"c{j}"],
                {"value": column.sql_type, "qualifier": "VARCHAR", "error": "VARCHAR"},
                rows,
            )
            alias = f"p_{name}"
            column_joins.append(f"LEFT JOIN {mapping} AS {alias} ON g.c{j} IS NOT DISTINCT FROM {alias}.raw")
            decided = f"coalesce({fast_valid}, false)"
            value = f"CASE WHEN {decided} THEN {fast} ELSE {alias}.value END"
            selects += [
                f"{value} AS v_{name}",
                f"CASE WHEN {decided} THEN NULL ELSE {alias}.qualifier END AS q_{name}",
            ]
            checks.append(f"({decided} OR {alias}.error IS NULL)")
            if column.required:
                checks.append(f"({value}) IS NOT NULL")
            if column.reference:
                keys = f"{self.prefix}_ref_{name}"
                values_table(
                    self.conn,
                    keys,
                    {"key": column.sql_type},
                    [(key,) for key in references[column.reference.source]],
                )
                checks.append(f"(({value}) IS NULL OR ({value}) IN (SELECT key FROM {keys}))")  # noqa: S608 quoted identifiers and temp-table names; values are parameters
            if column.type in ("date", "timestamp"):
                latest = today + timedelta(days=1 if column.type == "timestamp" else 0)
                checks.append(f"(({value}) IS NULL OR CAST({value} AS DATE) <= DATE '{latest.isoformat()}')")
                if name == spec.period_column and bounds:
                    checks.append(
                        f"(({value}) IS NULL OR CAST({value} AS TIMESTAMP) BETWEEN "
                        f"TIMESTAMP '{bounds[0].isoformat(sep=' ')}' "
                        f"AND TIMESTAMP '{bounds[1].isoformat(sep=' ')}')"
                    )
        fast_row = " AND ".join(["_kind = 'detail'", *not_in("g._index", flagged_rows), *checks])
        typed = f"{self.prefix}_typed"
        self.conn.execute(
            f"CREATE OR REPLACE TEMP TABLE {typed} AS "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
            f"SELECT g._index, _kind, coalesce({fast_row}, false) AS _fast, "
            f"{', '.join(selects)} FROM {self.grid.table} AS g JOIN {kinds} USING (_index) "
            f"{' '.join(column_joins)} WHERE _kind IN ('detail', 'total')"
        )
        attention = [
            index
            for (index,) in self.conn.execute(
                f"SELECT _index FROM {typed} WHERE NOT _fast ORDER BY _index"  # noqa: S608 quoted identifiers and temp-table names; values are parameters
            ).fetchall()
        ]
        return ColumnarParse(typed, attention)


def drop_tables(conn: duckdb.DuckDBPyConnection, prefix: str, keep: str | None = None) -> None:
    """Drop the temporary tables of one file's parse (named <prefix>_...), except `keep`."""
    for (name,) in conn.execute(
        "SELECT table_name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, ?)",
        [prefix + "_"],
    ).fetchall():
        if name != keep:
            conn.execute(f"DROP TABLE IF EXISTS {quote_identifier(name)}")
