"""The last N snapshots and build backups are kept; documented commands roll back and restore."""

import subprocess
import sys

import duckdb

from dagster_project.publish import OPS_TABLES, PublishedTable, publish
from dagster_project.report.build import _prune_report_snapshots
from dagster_project.settings import REPO_ROOT, Settings
from tests.pipeline import warehouse_env

TABLES = [
    PublishedTable("marts", "fct_example", ("value",)),
    *(PublishedTable(*table.split("."), tuple(columns)) for table, columns in OPS_TABLES.items()),
]


def _build(settings: Settings, value: int) -> None:
    settings.build_db.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(settings.build_db)) as conn:
        conn.execute("create schema if not exists marts")
        conn.execute("create or replace table marts.fct_example as select ? as value", [value])


def _published_value(settings: Settings) -> int:
    with duckdb.connect(str(settings.published_db), read_only=True) as conn:
        return conn.execute("select value from marts.fct_example").fetchone()[0]


def test_only_the_last_n_snapshots_are_kept_and_rollback_restores_the_previous(tmp_path):
    with warehouse_env(tmp_path / "inbox", tmp_path / "data", WAREHOUSE_SNAPSHOTS_KEPT="2"):
        (tmp_path / "inbox").mkdir()
        settings = Settings.from_env()
        for run, value in enumerate((1, 2, 3)):
            _build(settings, value)
            publish(settings, f"run-{run}", {"check": "passed"}, TABLES)
        assert len(list(settings.snapshots_dir.glob("warehouse-*.duckdb"))) == 2
        assert len(list(settings.backups_dir.glob("build-*.duckdb"))) == 2
        assert _published_value(settings) == 3
        with duckdb.connect(str(settings.published_db), read_only=True) as conn:
            log = conn.execute(
                "select run_id, check_results, mart_rows from ops.publish_log order by published_at"
            ).fetchall()
        assert [r[0] for r in log] == ["run-0", "run-1", "run-2"]
        assert '"marts.fct_example": 1' in log[-1][2]

        rolled = subprocess.run(
            [sys.executable, "-m", "dagster_project.cli", "rollback"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        assert "rolled back" in rolled.stdout
        assert _published_value(settings) == 2

        again = subprocess.run(
            [sys.executable, "-m", "dagster_project.cli", "rollback"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
        )
        assert again.returncode != 0 and "no earlier snapshot" in again.stderr
        assert _published_value(settings) == 2


def test_a_build_backup_restores_the_build_database(tmp_path):
    with warehouse_env(tmp_path / "inbox", tmp_path / "data"):
        (tmp_path / "inbox").mkdir()
        settings = Settings.from_env()
        _build(settings, 1)
        publish(settings, "run-0", {}, TABLES)
        settings.build_db.unlink()

        restored = subprocess.run(
            [sys.executable, "-m", "dagster_project.cli", "restore-build"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        assert "restored" in restored.stdout
        with duckdb.connect(str(settings.build_db), read_only=True) as conn:
            assert conn.execute("select value from marts.fct_example").fetchone() == (1,)
            assert conn.execute("select run_id from ops.publish_log").fetchall() == [("run-0",)]


def test_only_the_newest_report_folders_keep_their_snapshot_copy(tmp_path):
    for month in (1, 2, 3):
        folder = tmp_path / f"2023-{month:02d}"
        folder.mkdir()
        (folder / "warehouse.duckdb").write_bytes(b"snapshot")
        (folder / "report.md").write_text("report")
    _prune_report_snapshots(tmp_path, keep=2)
    assert sorted(p.parent.name for p in tmp_path.glob("*/warehouse.duckdb")) == ["2023-02", "2023-03"]
    assert len(list(tmp_path.glob("*/report.md"))) == 3
