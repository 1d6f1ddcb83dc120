"""Typing and validation of a whole sheet at once, as set operations in DuckDB.

Every rule stays in the per-cell parser (loader._parse_cell, normalise.py); this module only decides
which cells need it. A cell is a pure function of its column and its raw value, so each distinct raw value
of a column is typed once: by SQL where it is plainly a number, an ISO time or plain ASCII text (the
fast path), by the per-cell parser otherwise; the rows join the resulting small maps. Rows the fast
path cannot pass (a total row, a hidden row, a formula without value, any bad cell, a missing required
value, an unknown reference, a date outside the period) are handed back to the per-row Python, so
their rejects read exactly as before.
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


def values_select(columns: dict[str, str], rows: list[tuple]) -> tuple[str, list]:
    """A SELECT of Python rows typed by `columns` (name → SQL type), and its parameters."""
    names = list(columns)
    lists = [[sql_text(row[i]) for row in rows] for i in range(len(names))]
    inner = ", ".join(f"unnest(?::VARCHAR[]) AS v{i}" for i in range(len(names)))
    outer = ", ".join(
        f"CAST(v{i} AS {t}) AS {quote_identifier(n)}" for i, (n, t) in enumerate(columns.items())
    )
    if not rows:
        nulls = ", ".join(f"NULL AS v{i}" for i in range(len(names)))
        return f"SELECT {outer} FROM (SELECT {nulls}) WHERE false", []  # noqa: S608 quoted identifiers; values are parameters
    return f"SELECT {outer} FROM (SELECT {inner})", lists  # noqa: S608 quoted identifiers; values are parameters


def values_table(conn, table: str, columns: dict[str, str], rows: list[tuple]) -> None:
    """A temporary table from Python rows, typed by `columns` (name → SQL type), in one statement."""
    select, parameters = values_select(columns, rows)
    conn.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS {select}", parameters)


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
    """Each rule is applied once per distinct raw value of a column, never per cell: a column's values
    become a small map (raw → mark, value, qualifier, whether the cell passes), and the rows join it."""

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
        """Per grid column, a SQL expression of its cell mark, and the joins it needs.

        Only values that are not plain ASCII can start a footer or be a total label; the few of them
        that do are looked up in a map, every other cell is 0 (or NULL when blank).
        """
        expressions, joins = [], []
        for j in range(self.grid.width):
            cell, raw_type = f"g.c{j}", self.types[f"c{j}"]
            blank_or_plain = f"CASE WHEN {cell} IS NULL THEN NULL ELSE 0 END"
            if raw_type != "VARCHAR" and j not in self.grid.decoders:
                expressions.append(blank_or_plain)
                continue
            plain = f"regexp_full_match(raw, '{_PLAIN_ASCII}')" if raw_type == "VARCHAR" else "false"
            undecided = self.conn.execute(
                f"SELECT raw FROM (SELECT DISTINCT c{j} AS raw FROM {self.grid.table} "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
                f"WHERE _index >= {first_data_row}) WHERE raw IS NOT NULL AND NOT {plain}"
            ).fetchall()
            # a mark of None (text that normalises to nothing) makes the cell blank
            marked = [
                (raw, mark)
                for (raw,) in undecided
                if (mark := cell_mark(self.grid.cell_value(j, raw), total_labels)) != 0
            ]
            if not marked:
                expressions.append(blank_or_plain)
                continue
            mapping = self._map(raw_type, {"mark": "INTEGER"}, marked)
            joins.append(f"LEFT JOIN {mapping} AS m{j} ON {cell} = m{j}.raw")
            expressions.append(
                f"CASE WHEN {cell} IS NULL THEN NULL WHEN m{j}.raw IS NOT NULL THEN m{j}.mark ELSE 0 END"
            )
        return expressions, joins

    def _fast_value(self, column: ColumnSpec, raw_type: str, decoded: bool, factor: float) -> tuple[str, str]:
        """(SQL value of `raw` by the fast path or NULL, SQL condition that the fast value is valid)."""
        numeric_raw = raw_type in ("DOUBLE", "BIGINT") and not decoded
        value = "NULL"
        if column.type == "number":
            if raw_type == "VARCHAR":
                value = f"CASE WHEN regexp_full_match(raw, '{_PLAIN_DECIMAL}') THEN CAST(raw AS DOUBLE) END"
            elif numeric_raw:
                value = "CASE WHEN isfinite(CAST(raw AS DOUBLE)) THEN CAST(raw AS DOUBLE) END"
        elif column.type == "integer":
            if raw_type == "VARCHAR":
                value = f"CASE WHEN regexp_full_match(raw, '{_PLAIN_INTEGER}') THEN CAST(raw AS BIGINT) END"
            elif numeric_raw:
                whole = "CAST(raw AS DOUBLE) = trunc(CAST(raw AS DOUBLE)) AND abs(CAST(raw AS DOUBLE)) < 1e15"
                value = f"CASE WHEN {whole} THEN CAST(CAST(raw AS DOUBLE) AS BIGINT) END"
        elif column.type == "timestamp" and raw_type == "VARCHAR":
            pattern = "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}"
            value = (
                f"CASE WHEN regexp_full_match(raw, '{pattern}') THEN try_strptime(raw, '%Y-%m-%d %H:%M') END"
            )
        elif column.type == "date" and raw_type == "VARCHAR":
            pattern = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
            day = "CAST(try_strptime(raw, '%Y-%m-%d') AS DATE)"
            value = f"CASE WHEN regexp_full_match(raw, '{pattern}') THEN {day} END"
        elif column.type == "text" and raw_type == "VARCHAR" and not column.allowed:
            # printable ASCII words with single spaces: normalise_text leaves such text as it is
            value = "CASE WHEN regexp_full_match(raw, '[!-~]+( [!-~]+)*') THEN raw END"
        valid = ["value IS NOT NULL"]
        if column.type in ("number", "integer") and value != "NULL":
            valid.append(f"value NOT IN {_SENTINELS}")
            if column.minimum is not None:
                valid.append(f"value * {factor!r} >= {column.minimum!r}")
            if column.maximum is not None:
                valid.append(f"value * {factor!r} <= {column.maximum!r}")
        return value, " AND ".join(valid)

    def _value_map(
        self,
        column: ColumnSpec,
        j: int,
        rows: str,
        factor: float,
        parse_cell: Callable[[ColumnSpec, object, float], tuple[object, object]],
        checks: list[str],
    ) -> str:
        """Table raw, value, qualifier, ok of every distinct raw value of grid column j in `rows`: the
        fast path where it decides, the per-cell parser for the rest; ok when the cell lets its row pass."""
        raw_type = self.types[f"c{j}"]
        fast, fast_valid = self._fast_value(column, raw_type, j in self.grid.decoders, factor)
        candidates = (
            f"SELECT raw, value, coalesce({fast_valid}, false) AS decided FROM (SELECT raw, "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
            f"CAST({fast} AS {column.sql_type}) AS value FROM (SELECT DISTINCT c{j} AS raw FROM {rows}))"
        )
        parsed = []
        for (raw,) in self.conn.execute(f"SELECT raw FROM ({candidates}) WHERE NOT decided").fetchall():  # noqa: S608 quoted identifiers and temp-table names; values are parameters
            try:
                value, qualifier = parse_cell(column, self.grid.cell_value(j, raw), factor)
                parsed.append((raw, value, qualifier, None))
            except CellError as error:
                parsed.append((raw, None, None, str(error)))
        slow, parameters = values_select(
            {"raw": raw_type, "value": column.sql_type, "qualifier": "VARCHAR", "error": "VARCHAR"}, parsed
        )
        self._maps += 1
        name = f"{self.prefix}_map{self._maps}"
        ok = " AND ".join(["error IS NULL", *checks])
        self.conn.execute(
            f"CREATE OR REPLACE TEMP TABLE {name} AS "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
            f"SELECT raw, value, qualifier, coalesce({ok}, false) AS ok FROM ("
            "SELECT raw, value, CAST(NULL AS VARCHAR) AS qualifier, CAST(NULL AS VARCHAR) AS error "
            f"FROM ({candidates}) WHERE decided UNION ALL {slow})",
            parameters,
        )
        return name

    def _checks(self, spec: SourceSpec, column: ColumnSpec, references, today, bounds) -> list[str]:
        """SQL conditions on a map's `value` that a cell must meet for its row to pass unattended."""
        checks = []
        if column.required:
            checks.append("value IS NOT NULL")
        if column.reference:
            keys = f"{self.prefix}_ref_{column.name}"
            values_table(
                self.conn,
                keys,
                {"key": column.sql_type},
                [(key,) for key in references[column.reference.source]],
            )
            checks.append(f"(value IS NULL OR value IN (SELECT key FROM {keys}))")  # noqa: S608 quoted identifiers and temp-table names; values are parameters
        if column.type in ("date", "timestamp"):
            latest = today + timedelta(days=1 if column.type == "timestamp" else 0)
            checks.append(f"(value IS NULL OR CAST(value AS DATE) <= DATE '{latest.isoformat()}')")
            if column.name == spec.period_column and bounds:
                checks.append(
                    "(value IS NULL OR CAST(value AS TIMESTAMP) BETWEEN "
                    f"TIMESTAMP '{bounds[0].isoformat(sep=' ')}' "
                    f"AND TIMESTAMP '{bounds[1].isoformat(sep=' ')}')"
                )
        return checks

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
        if not joins:  # no cell starts a footer or is a total label: a row is blank or a detail row
            marks_list = "NULL"
            blank = " AND ".join(f"c{j} IS NULL" for j in range(self.grid.width)) or "true"
            kind = f"CASE WHEN {blank} THEN 'blank' ELSE 'detail' END"
        rows = f"{self.prefix}_rows_of_interest"
        cells = ", ".join(f"c{j}" for j in sorted(set(located.values()))) or "NULL AS _none"
        self.conn.execute(
            f"CREATE OR REPLACE TEMP TABLE {rows} AS "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
            f"SELECT * FROM (SELECT _index, {kind} AS _kind, {cells} FROM "
            f"(SELECT g.*, {marks_list} AS k FROM {self.grid.table} AS g {' '.join(joins)} "
            f"WHERE g._index >= {first_data_row})) WHERE _kind IN ('detail', 'total')"
        )
        selects, column_joins, passes = [], [], []
        for column in spec.columns:
            name = column.name
            if name not in located:
                selects += [
                    f"CAST(NULL AS {column.sql_type}) AS v_{name}",
                    f"CAST(NULL AS VARCHAR) AS q_{name}",
                ]
                continue
            j = located[name]
            checks = self._checks(spec, column, references, today, bounds)
            mapping = self._value_map(column, j, rows, factors.get(name, 1.0), parse_cell, checks)
            alias = f"p_{name}"
            column_joins.append(f"LEFT JOIN {mapping} AS {alias} ON r.c{j} IS NOT DISTINCT FROM {alias}.raw")
            selects += [f"{alias}.value AS v_{name}", f"{alias}.qualifier AS q_{name}"]
            passes.append(f"{alias}.ok")
        fast_row = " AND ".join(["_kind = 'detail'", *not_in("r._index", flagged_rows), *passes])
        typed = f"{self.prefix}_typed"
        self.conn.execute(
            f"CREATE OR REPLACE TEMP TABLE {typed} AS "  # noqa: S608 quoted identifiers and temp-table names; values are parameters
            f"SELECT r._index, _kind, coalesce({fast_row}, false) AS _fast, "
            f"{', '.join(selects)} FROM {rows} AS r {' '.join(column_joins)}"
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
