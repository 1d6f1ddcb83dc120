"""DDL of the raw layer, derived from the registry: one table per source plus the load bookkeeping."""

from __future__ import annotations

import duckdb

from .registry import LINEAGE_COLUMNS, SourceSpec
from .sql import quote_identifier

FILES_TABLE = "raw._files"
REJECTS_TABLE = "raw._rejects"
SOURCES_TABLE = "raw._sources"

BOOKKEEPING_TABLES = {
    FILES_TABLE: {
        "source": "VARCHAR",
        "file_path": "VARCHAR",
        "file_sha256": "VARCHAR",
        "file_identity": "VARCHAR",
        "file_version": "VARCHAR",
        "status": "VARCHAR",
        "rows_loaded": "BIGINT",
        "rows_rejected": "BIGINT",
        "message": "VARCHAR",
        "load_batch": "VARCHAR",
        "loaded_at": "TIMESTAMP",
    },
    REJECTS_TABLE: {
        "load_batch": "VARCHAR",
        "source": "VARCHAR",
        "file_path": "VARCHAR",
        "file_sha256": "VARCHAR",
        "sheet": "VARCHAR",
        "row_number": "INTEGER",
        "column_name": "VARCHAR",
        "value": "VARCHAR",
        "reason": "VARCHAR",
        "scope": "VARCHAR",
        "rejected_at": "TIMESTAMP",
    },
    # the registry as data, so dbt can tell expected submissions from received ones
    SOURCES_TABLE: {
        "source": "VARCHAR",
        "domain": "VARCHAR",
        "kind": "VARCHAR",
        "identity_parts": "VARCHAR",
        "cadence": "VARCHAR",
        "per": "VARCHAR",
        "register": "VARCHAR",
        "unit_column": "VARCHAR",
        "register_column": "VARCHAR",
        "description_zh": "VARCHAR",
        "department": "VARCHAR",
        "recorded_at": "TIMESTAMP",
    },
}


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


def _ensure_table(conn: duckdb.DuckDBPyConnection, table: str, columns: dict[str, str]) -> None:
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
    for column, sql_type in columns.items():
        if column not in existing:
            conn.execute(
                f"ALTER TABLE {quote_identifier(schema)}.{quote_identifier(name)} "
                f"ADD COLUMN {quote_identifier(column)} {sql_type}"
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
    conn.execute(
        f"INSERT INTO {SOURCES_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
        [
            spec.name,
            spec.domain,
            spec.kind,
            ",".join(spec.identity),
            spec.expected.cadence,
            spec.expected.per,
            spec.expected.register,
            unit_column,
            register_column,
            spec.description_zh,
            spec.department,
            now,
        ],
    )


def ensure_raw_schema(conn: duckdb.DuckDBPyConnection, spec: SourceSpec, convertible_units: set[str]) -> None:
    """Create (or widen, when the registry gained a column) the tables a source writes to."""
    conn.execute("CREATE SCHEMA IF NOT EXISTS raw")
    for table, columns in BOOKKEEPING_TABLES.items():
        _ensure_table(conn, table, columns)
    columns = source_columns(spec, convertible_units)
    _ensure_table(conn, f"raw.{spec.raw_table}", columns)
    if spec.totals_table:
        _ensure_table(conn, f"raw.{spec.totals_table}", columns)
