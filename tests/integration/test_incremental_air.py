"""The air chain built incrementally equals the air chain built from scratch.

A scale inbox (sample_generator/scale.py) is loaded and the chain built; then the last month comes again
as `_v2` with one more day, and the incremental build rebuilds that month's days only. A full rebuild
(`--full-refresh`, what `make rebuild` runs) of a copy of the database gives identical tables.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from dagster_project.ingest.loader import ingest_source
from dagster_project.ingest.normalise import DistrictTable, UnitTable
from dagster_project.ingest.registry import load_registry
from dagster_project.settings import DBT_PROJECT_DIR, REFERENCE_SEEDS_DIR
from sample_generator.scale import write_scale_inbox
from tests.pipeline import dbt_parse_env

INCREMENTAL = ["int_air__station_hourly", "int_air__station_daily", "int_air__city_daily"]
COMPARED = [f"intermediate.{m}" for m in INCREMENTAL] + [
    "marts.fct_air_quality_station_daily",
    "marts.fct_air_quality_daily",
]
CHAIN = "+fct_air_quality_station_daily +fct_air_quality_daily"


def _ingest(data_dir: Path, inbox: Path, batch: str) -> None:
    registry = load_registry()
    units = UnitTable.from_csv(REFERENCE_SEEDS_DIR / "units.csv")
    districts = DistrictTable.from_csv(REFERENCE_SEEDS_DIR / "districts.csv")
    with duckdb.connect(str(data_dir / "build" / "warehouse.duckdb")) as conn:
        for source in ("air_stations", "air_hourly"):
            ingest_source(conn, registry[source], inbox, batch, units, districts, b"test-key")


def _build(data_dir: Path, *flags: str) -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "dbt"), "build", "--select", CHAIN, "--profiles-dir", "."]
        + ["--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"]
        + list(flags),
        cwd=DBT_PROJECT_DIR,
        # the data dir through the session's fixed path: dbt keeps its partial parse (tests/pipeline.py)
        env={
            **os.environ,
            **dbt_parse_env(data_dir),
            "WAREHOUSE_DATA_DIR": str(data_dir),
            "DO_NOT_TRACK": "1",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-5000:]


def _rows(conn, table: str, catalog: str = "") -> list[tuple]:
    """Every row, without the incremental models' build time (the only column that may differ)."""
    exclude = " exclude (_built_at)" if table.startswith("intermediate.") else ""
    return conn.execute(f"select *{exclude} from {catalog}{table} order by all").fetchall()  # noqa: S608


def test_one_new_day_rebuilds_its_month_only_and_equals_a_full_rebuild(tmp_path):
    inbox, incremental, full = tmp_path / "inbox", tmp_path / "incremental", tmp_path / "full"
    (incremental / "build").mkdir(parents=True)
    write_scale_inbox(inbox, stations=2, years=1)
    _ingest(incremental, inbox, "first")
    _build(incremental, "--full-refresh")
    write_scale_inbox(inbox, stations=2, years=1, add_day=True)
    _ingest(incremental, inbox, "second")
    _build(incremental)

    shutil.copytree(incremental, full)
    _build(full, "--full-refresh")

    with duckdb.connect(str(incremental / "build" / "warehouse.duckdb"), read_only=True) as conn:
        conn.execute(f"attach '{full / 'build' / 'warehouse.duckdb'}' as full_build (read_only)")
        for table in COMPARED:
            assert _rows(conn, table) == _rows(conn, table, "full_build."), table
        months = conn.execute(
            "select month(obs_date), min(_built_at), max(_built_at), cast(max(obs_date) as varchar) "
            "from intermediate.int_air__station_daily group by 1 order by 1"
        ).fetchall()
    # January to November stay as the first build wrote them; the resubmitted December, now with its
    # 31st, was rebuilt
    first_build = {built for _, *span, _ in months[:-1] for built in span}
    december = months[-1]
    assert len(months) == 12 and len(first_build) == 1
    assert december[1] == december[2] > first_build.pop() and december[3] == "2025-12-31"
