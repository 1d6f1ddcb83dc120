"""DDL of the raw layer, derived from the registry: one table per source plus the load bookkeeping."""

from __future__ import annotations

import duckdb

from .registry import LINEAGE_COLUMNS, SourceSpec
from .sql import quote_identifier

FILES_TABLE = "raw._files"
REJECTS_TABLE = "raw._rejects"

_BOOKKEEPING = {
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


def ensure_raw_schema(conn: duckdb.DuckDBPyConnection, spec: SourceSpec, convertible_units: set[str]) -> None:
    """Create (or widen, when the registry gained a column) the tables a source writes to."""
    conn.execute("CREATE SCHEMA IF NOT EXISTS raw")
    for table, columns in _BOOKKEEPING.items():
        _ensure_table(conn, table, columns)
    columns = source_columns(spec, convertible_units)
    _ensure_table(conn, f"raw.{spec.raw_table}", columns)
    if spec.totals_table:
        _ensure_table(conn, f"raw.{spec.totals_table}", columns)
