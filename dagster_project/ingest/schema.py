"""DDL of the raw layer, derived from the registry: one table per source plus the load bookkeeping."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import yaml

from .identity import identity_periods_of_key
from .registry import LINEAGE_COLUMNS, SourceSpec
from .sql import quote_identifier

FILES_TABLE = "raw._files"
REJECTS_TABLE = "raw._rejects"
SOURCES_TABLE = "raw._sources"

TableColumns = dict[str, dict[str, tuple[str, str]]]


def table_specs(path: Path) -> tuple[TableColumns, dict[str, str]]:
    """The tables a YAML file declares: table → {column: (SQL type, Chinese description)}, and
    table → its Chinese description; both are published with the tables."""
    declared = yaml.safe_load(path.read_text(encoding="utf-8"))
    columns = {
        table: {name: (sql_type, description) for name, (sql_type, description) in spec["columns"].items()}
        for table, spec in declared.items()
    }
    return columns, {table: spec["description"] for table, spec in declared.items()}


# the registry as data too (raw._sources), so dbt can tell expected submissions from received ones
BOOKKEEPING_TABLES, BOOKKEEPING_DESCRIPTIONS = table_specs(Path(__file__).with_name("bookkeeping_tables.yml"))


def source_columns(spec: SourceSpec, convertible_units: set[str]) -> dict[str, str]:
    """Column name → SQL type of a source's raw table, in a stable order."""
    columns: dict[str, str] = {}
    for column in spec.columns:
        columns[column.name] = column.sql_type
        if column.unit in convertible_units:
            columns[f"{column.name}_unit"] = "VARCHAR"
        if column.approx:
            columns[f"{column.name}_qualifier"] = "VARCHAR"
    columns.update({derived: "VARCHAR" for derived, _ in spec.pseudonyms})
    columns.update(LINEAGE_COLUMNS)
    return columns


def ensure_table(conn: duckdb.DuckDBPyConnection, table: str, columns: dict[str, str]) -> set[str]:
    """Create the table or add the columns it lacks; returns the columns added to an existing table."""
    schema, name = table.split(".")
    ddl = ", ".join(f"{quote_identifier(c)} {t}" for c, t in columns.items())
    conn.execute(f"CREATE TABLE IF NOT EXISTS {quote_identifier(schema)}.{quote_identifier(name)} ({ddl})")
    existing = {
        row[0]
        for row in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
            [schema, name],
        ).fetchall()
    }
    added = set()
    for column, sql_type in columns.items():
        if column not in existing:
            conn.execute(
                f"ALTER TABLE {quote_identifier(schema)}.{quote_identifier(name)} "
                f"ADD COLUMN {quote_identifier(column)} {sql_type}"
            )
            added.add(column)
    return added


def _backfill_identity_periods(conn, table: str, identity_column: str, prefix: str) -> None:
    """Type the identity of rows loaded before the typed period columns existed, once, from their key."""
    keys = [k for (k,) in conn.execute(f"SELECT DISTINCT {identity_column} FROM {table}").fetchall() if k]  # noqa: S608 quoted identifiers and temp-table names; values are parameters
    for key in keys:
        periods = identity_periods_of_key(key)
        assignments = ", ".join(f"{quote_identifier(prefix + name)} = ?" for name in periods)
        conn.execute(
            f"UPDATE {table} SET {assignments} WHERE {identity_column} = ?",  # noqa: S608 identifiers only; values are parameters
            [*periods.values(), key],
        )


def _unit_columns(spec: SourceSpec) -> tuple[str | None, str | None]:
    """(column of the source naming the expected submitter, its column in the register) for `expected.per`."""
    per, register = spec.expected.per, spec.expected.register
    if per == "station":
        column = next(c for c in spec.columns if c.reference and c.reference.source == register)
        return column.name, column.reference.column
    if per == "district":
        return next(c.name for c in spec.columns if c.type == "district"), None
    return None, None


def record_source(conn: duckdb.DuckDBPyConnection, spec: SourceSpec, now) -> None:
    """Write the entry's expectation (cadence, per, register) to raw._sources, replacing its previous row."""
    unit_column, register_column = _unit_columns(spec)
    # the table is this module's constant and every value a parameter, so S608 does not apply
    conn.execute(f"DELETE FROM {SOURCES_TABLE} WHERE source = ?", [spec.name])  # noqa: S608
    values = {
        "source": spec.name,
        "domain": spec.domain,
        "kind": spec.kind,
        "identity_parts": ",".join(spec.identity),
        "cadence": spec.expected.cadence,
        "per": spec.expected.per,
        "register": spec.expected.register,
        "unit_column": unit_column,
        "register_column": register_column,
        "description_zh": spec.description_zh,
        "department": spec.department,
        "recorded_at": now,
        "expected_units": "|".join(spec.expected.units) or None,
        "register_filter": json.dumps(dict(spec.expected.register_filter), ensure_ascii=False)
        if spec.expected.register_filter
        else None,
        "register_until": spec.expected.register_until,
    }
    conn.execute(
        f"INSERT INTO {SOURCES_TABLE} ({', '.join(values)}) "  # noqa: S608 this module's column names
        f"VALUES ({', '.join('?' for _ in values)})",
        list(values.values()),
    )


def ensure_raw_schema(conn: duckdb.DuckDBPyConnection, spec: SourceSpec, convertible_units: set[str]) -> None:
    """Create (or widen, when the registry gained a column) the tables a source writes to."""
    conn.execute("CREATE SCHEMA IF NOT EXISTS raw")
    for table, columns in BOOKKEEPING_TABLES.items():
        added = ensure_table(conn, table, {name: sql_type for name, (sql_type, _) in columns.items()})
        if "period_month" in added and table == FILES_TABLE:
            _backfill_identity_periods(conn, table, "file_identity", "")
    columns = source_columns(spec, convertible_units)
    for table in (spec.raw_table, spec.totals_table):
        if table and "_period_month" in ensure_table(conn, f"raw.{table}", columns):
            _backfill_identity_periods(conn, f"raw.{quote_identifier(table)}", "_file_identity", "_")
