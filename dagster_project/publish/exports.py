"""Parquet copies of the published marts and indicator tables in data/exports/, swapped in whole.

Each publication writes a complete new folder under data/export_versions/ (one Parquet file per table,
dictionary.csv and README.md, all read from the published snapshot), then points the symlink
data/exports at it with a rename: a reader sees the previous set or the new one, never a mix or a half
written file. Older folders are removed after the swap (a file already open stays readable).
"""

from __future__ import annotations

import csv
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ..ingest.sql import quote_identifier
from ..settings import Settings
from .snapshot import sql_literal

EXPORTED_SCHEMAS = ("marts", "indicators")
DICTIONARY_FILE = "dictionary.csv"
DICTIONARY_HEADER = ("schema", "table", "column", "type", "description")


@dataclass(frozen=True)
class ExportedTable:
    schema: str
    name: str
    description: str
    rows: int

    @property
    def file(self) -> str:
        return f"{self.schema}/{self.name}.parquet"


def _exported_tables(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    return conn.execute(
        "SELECT schema_name, table_name, coalesce(comment, '') FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name IN (SELECT unnest(?)) ORDER BY 1, 2",
        [list(EXPORTED_SCHEMAS)],
    ).fetchall()


def _write_dictionary(conn: duckdb.DuckDBPyConnection, path: Path) -> None:
    rows = conn.execute(
        "SELECT schema_name, table_name, column_name, data_type, coalesce(comment, '') FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name IN (SELECT unnest(?)) "
        "ORDER BY schema_name, table_name, column_index",
        [list(EXPORTED_SCHEMAS)],
    ).fetchall()
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # the BOM lets Excel read the Chinese
        writer = csv.writer(handle)
        writer.writerow(DICTIONARY_HEADER)
        writer.writerows(rows)


def _table_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _write_readme(path: Path, tables: list[ExportedTable], published: str) -> None:
    lines = [
        "# 集市表与指标表 Parquet 导出 / Parquet exports of the marts and indicator tables",
        "",
        f"由已发布快照 data/warehouse.duckdb 生成（发布于 {published}），每次发布后整体替换。",
        f"各列的类型与中文说明见 {DICTIONARY_FILE}（{', '.join(DICTIONARY_HEADER)}）。",
        "",
        "| 文件 file | 行数 rows | 说明 description |",
        "|---|---:|---|",
        *(f"| `{t.file}` | {t.rows} | {_table_cell(t.description)} |" for t in tables),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def _published_at(conn: duckdb.DuckDBPyConnection) -> str:
    latest = conn.execute("SELECT max(published_at) FROM ops.publish_log").fetchone()[0]
    return f"{latest:%Y-%m-%d %H:%M:%S} UTC" if latest else "—"


def _write_version(published_db: Path, folder: Path) -> list[ExportedTable]:
    exported = []
    with duckdb.connect(str(published_db), read_only=True) as conn:
        for schema, name, description in _exported_tables(conn):
            source = f"{quote_identifier(schema)}.{quote_identifier(name)}"
            rows = conn.execute(f"SELECT count(*) FROM {source}").fetchone()[0]  # noqa: S608 catalogue names
            table = ExportedTable(schema, name, description, rows)
            (folder / schema).mkdir(parents=True, exist_ok=True)
            target = sql_literal(str(folder / table.file))
            conn.execute(f"COPY (SELECT * FROM {source}) TO {target} (FORMAT parquet)")  # noqa: S608 catalogue names
            exported.append(table)
        _write_dictionary(conn, folder / DICTIONARY_FILE)
        _write_readme(folder / "README.md", exported, _published_at(conn))
    return exported


def write_exports(settings: Settings, run_id: str) -> list[ExportedTable]:
    """Export every published mart and indicator table, then swap data/exports to the new set."""
    versions = settings.data_dir / "export_versions"
    versions.mkdir(parents=True, exist_ok=True)
    for leftover in versions.glob(".*.partial"):
        shutil.rmtree(leftover)
    name = f"{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}-{run_id[:8]}"
    partial = versions / f".{name}.partial"
    partial.mkdir()
    exported = _write_version(settings.published_db, partial)
    partial.rename(versions / name)
    link = settings.exports_dir.with_name(f".{settings.exports_dir.name}.link")
    link.unlink(missing_ok=True)
    link.symlink_to(Path(versions.name) / name, target_is_directory=True)
    if settings.exports_dir.is_dir() and not settings.exports_dir.is_symlink():
        # a copy of the data dir (a restore, `cp -r`) turns the link into a folder: rename cannot replace it
        shutil.rmtree(settings.exports_dir)
    os.replace(link, settings.exports_dir)
    for old in versions.iterdir():
        if old.name != name and not old.name.startswith("."):
            shutil.rmtree(old)
    return exported
