"""Publishing: write the allow-listed snapshot, back up the build database, swap the snapshot in atomically.

Analysts open data/warehouse.duckdb read-only. It is replaced with os.replace (a rename), so an
analyst's open session keeps the old file and never blocks the refresh; a run that fails before
this step leaves the previous snapshot untouched. The snapshot holds only what the allow-list names
(allowlist.py); the build database — the only copy of raw history and of personal data — is backed up
under the same retention as the snapshots.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ..faults import crash_point
from ..inbox import inbox_digest as current_inbox_digest
from ..ingest.schema import ensure_table, table_specs
from ..settings import Settings
from .allowlist import PublishedTable, published_tables
from .snapshot import sql_literal, write_snapshot

PUBLISH_LOG_TABLE = "ops.publish_log"
PUBLISHED = "published"
NOTHING_NEW = "nothing_new"
REVISIONS_TABLE = "ops.figure_revisions"
INDICATOR_VALUES = "indicators.fct_indicator_values"
OPS_TABLES, OPS_DESCRIPTIONS = table_specs(Path(__file__).with_name("ops_tables.yml"))


@dataclass(frozen=True)
class Publication:
    snapshot: Path
    published: Path
    mart_rows: dict[str, int]


def _mart_rows(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = conn.execute(
        "SELECT table_schema, table_name FROM information_schema.tables "
        "WHERE table_schema IN ('marts', 'indicators') AND table_type = 'BASE TABLE' ORDER BY 1, 2"
    ).fetchall()
    return {
        f"{s}.{t}": conn.execute(f'SELECT count(*) FROM "{s}"."{t}"').fetchone()[0]  # noqa: S608 catalogue names
        for s, t in tables
    }


def _ensure_ops_tables(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute("CREATE SCHEMA IF NOT EXISTS ops")
    for table, columns in OPS_TABLES.items():
        # a build database from before a column was added gets it; its earlier rows keep NULL there
        ensure_table(conn, table, {name: sql_type for name, (sql_type, _) in columns.items()})
        conn.execute(f"COMMENT ON TABLE {table} IS {sql_literal(OPS_DESCRIPTIONS[table])}")
        for name, (_, description) in columns.items():
            conn.execute(f"COMMENT ON COLUMN {table}.{name} IS {sql_literal(description)}")


def _record_publication(
    conn, run_id: str, snapshot_name: str, digest: str, mart_rows, checks, outcome: str = PUBLISHED
) -> None:
    columns = ", ".join(OPS_TABLES[PUBLISH_LOG_TABLE])
    conn.execute(
        f"INSERT INTO {PUBLISH_LOG_TABLE} ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?)",  # noqa: S608 module constants
        [
            datetime.now(UTC).replace(tzinfo=None),
            run_id,
            snapshot_name,
            digest,
            json.dumps(checks, ensure_ascii=False),
            json.dumps(mart_rows, ensure_ascii=False),
            outcome,
        ],
    )


def _record_revisions(conn: duckdb.DuckDBPyConnection, previous: Path, run_id: str) -> None:
    """Every indicator value this build changes against the last published snapshot, old and new.

    A resubmission replaces rows in raw; the figures it moves are listed here with the files this run
    loaded, so a figure already signed in a report can be traced to the correction that changed it.
    """
    if not previous.exists():
        return
    escaped = str(previous).replace("'", "''")
    conn.execute(f"ATTACH '{escaped}' AS previous (READ_ONLY)")
    try:
        catalogs_with_values = conn.execute(
            "SELECT count(DISTINCT table_catalog) FROM information_schema.tables "
            "WHERE table_schema = 'indicators' AND table_name = 'fct_indicator_values'"
        ).fetchone()[0]
        if catalogs_with_values < 2:  # one side predates the indicator layer: nothing to compare
            return
        conn.execute(
            f"""INSERT INTO {REVISIONS_TABLE}
            SELECT ?, ?, new.indicator_code, new.area, new.year, new.end_month, old.value, new.value,
                   (SELECT string_agg(file_path, '; ' ORDER BY file_path) FROM raw._files
                    WHERE load_batch = ? AND status = 'loaded')
            FROM {INDICATOR_VALUES} AS new
            JOIN previous.{INDICATOR_VALUES} AS old USING (indicator_code, area, year, end_month)
            WHERE old.value IS DISTINCT FROM new.value""",  # noqa: S608 module constants
            [datetime.now(UTC).replace(tzinfo=None), run_id, run_id],
        )
    finally:
        conn.execute("DETACH previous")


def _copy_durably(source: Path, target: Path, crash_at: str | None = None) -> None:
    """Write a full copy beside the target, flush it to disk, then rename it over the target."""
    temporary = target.with_name(f".{target.name}.partial")
    halfway = source.stat().st_size // 2
    with source.open("rb") as reader, temporary.open("wb") as writer:
        while chunk := reader.read(1 << 20):
            writer.write(chunk)
            if crash_at and reader.tell() >= halfway:
                writer.flush()
                crash_point(crash_at)
        writer.flush()
        os.fsync(writer.fileno())
    os.replace(temporary, target)


def _prune(folder: Path, pattern: str, keep: int) -> None:
    kept = sorted(folder.glob(pattern))
    for old in kept[: max(0, len(kept) - keep)]:
        old.unlink()


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def rollback(settings: Settings) -> Path:
    """Put back the snapshot published before the current one (repeat to go further back)."""
    snapshots = sorted(settings.snapshots_dir.glob("warehouse-*.duckdb"))
    current = _file_digest(settings.published_db)
    position = next((i for i, s in enumerate(snapshots) if _file_digest(s) == current), None)
    if position is None or position == 0:
        raise RuntimeError(
            f"no earlier snapshot to roll back to in {settings.snapshots_dir} "
            f"(kept: {len(snapshots)}; WAREHOUSE_SNAPSHOTS_KEPT={settings.snapshots_kept})"
        )
    previous = snapshots[position - 1]
    _copy_durably(previous, settings.published_db)
    return previous


def _back_up_build(settings: Settings, stamp: str, run_id: str) -> Path:
    """A copy of the build database, readable by its owner only, kept like the snapshots."""
    settings.backups_dir.mkdir(parents=True, exist_ok=True)
    settings.backups_dir.chmod(0o700)
    backup = settings.backups_dir / f"build-{stamp}-{run_id[:8]}.duckdb"
    _copy_durably(settings.build_db, backup)
    backup.chmod(0o600)
    _prune(settings.backups_dir, "build-*.duckdb", settings.snapshots_kept)
    return backup


def restore_build(settings: Settings, backup_name: str | None = None) -> Path:
    """Put a backup (the newest, or the one named) in place of the build database."""
    backups = sorted(settings.backups_dir.glob("build-*.duckdb"))
    chosen = [b for b in backups if b.name == backup_name] if backup_name else backups[-1:]
    if not chosen:
        raise RuntimeError(
            f"no build backup {backup_name or ''} in {settings.backups_dir} "
            f"(kept: {[b.name for b in backups]})"
        )
    settings.build_db.parent.mkdir(parents=True, exist_ok=True)
    _copy_durably(chosen[0], settings.build_db)
    return chosen[0]


def publish(
    settings: Settings,
    run_id: str,
    checks: dict[str, str],
    tables: list[PublishedTable] | None = None,
    inbox_digest: str | None = None,
) -> Publication:
    """Log the publication, write the allow-listed snapshot, back up the build, swap the snapshot in.

    `inbox_digest` is the inbox as the run's ingest found it (the sensor and schedule tag their runs with
    it); a run launched without one records the inbox as it is now.
    """
    tables = published_tables(OPS_TABLES) if tables is None else tables
    digest = inbox_digest or current_inbox_digest(settings.raw_dir)
    settings.snapshots_dir.mkdir(parents=True, exist_ok=True)
    for folder in (settings.snapshots_dir, settings.backups_dir):
        for leftover in folder.glob(".*.partial*"):
            leftover.unlink()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    snapshot = settings.snapshots_dir / f"warehouse-{stamp}-{run_id[:8]}.duckdb"
    with duckdb.connect(str(settings.build_db)) as conn:
        mart_rows = _mart_rows(conn)
        _ensure_ops_tables(conn)
        _record_publication(conn, run_id, snapshot.name, digest, mart_rows, checks)
        _record_revisions(conn, settings.published_db, run_id)
        conn.execute("CHECKPOINT")
        partial = snapshot.with_name(f".{snapshot.name}.partial")
        write_snapshot(conn, partial, tables)
    os.replace(partial, snapshot)
    _back_up_build(settings, stamp, run_id)
    crash_point("publish:snapshot_copied")
    _copy_durably(snapshot, settings.published_db, crash_at="publish:partial_copy")
    _prune(settings.snapshots_dir, "warehouse-*.duckdb", settings.snapshots_kept)
    return Publication(snapshot, settings.published_db, mart_rows)


def record_nothing_new(
    settings: Settings, run_id: str, checks: dict[str, str], inbox_digest: str
) -> str | None:
    """Log a refresh that found the inbox as the published snapshot was built from it: the snapshot stays.

    The row goes to the build database's ops.publish_log (outcome nothing_new, the kept snapshot's file
    name); the published snapshot is not rewritten, so it shows the row from the next publication on.
    Returns the kept snapshot's file name (None before any publication)."""
    with duckdb.connect(str(settings.build_db)) as conn:
        _ensure_ops_tables(conn)
        kept = conn.execute(
            f"SELECT snapshot_file FROM {PUBLISH_LOG_TABLE} ORDER BY published_at DESC LIMIT 1"  # noqa: S608 a module constant
        ).fetchone()
        _record_publication(
            conn, run_id, kept[0] if kept else None, inbox_digest, _mart_rows(conn), checks, NOTHING_NEW
        )
    return kept[0] if kept else None
