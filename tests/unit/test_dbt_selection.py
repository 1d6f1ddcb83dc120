"""The refresh builds only what is downstream of raw tables that changed since its last build."""

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from dagster_project.assets.dbt_selection import (
    BUILT_TYPES,
    INDIRECT_SELECTION,
    affected_nodes,
    exclusions,
    plan_build,
    save_state,
)
from dagster_project.ingest.registry import load_registry
from dagster_project.ingest.schema import BOOKKEEPING_TABLES, FILES_TABLE
from dagster_project.settings import DBT_PROJECT_DIR, Settings


def _node(name: str, resource_type: str = "model", folder: str = "models") -> dict:
    return {
        "name": name,
        "resource_type": resource_type,
        "fqn": ["p", folder, name],
        "checksum": {"checksum": name},
        "config": {},
    }


MANIFEST = {
    "sources": {
        "source.p.raw_air.air_hourly": {"schema": "raw", "identifier": "air_hourly"},
        "source.p.raw_water.water_sections": {"schema": "raw", "identifier": "water_sections"},
        "source.p.ingest._files": {"schema": "raw", "identifier": "_files"},
    },
    "nodes": {
        "model.p.stg_air__hourly": _node("stg_air__hourly"),
        "model.p.fct_air_quality_daily": _node("fct_air_quality_daily"),
        "test.p.not_null_fct_air_quality_daily_obs_date": _node(
            "not_null_fct_air_quality_daily_obs_date", "test"
        ),
        "model.p.stg_water__sections": _node("stg_water__sections"),
        "model.p.fct_completeness": _node("fct_completeness", folder="indicators"),
        # a seed named like a model folder: its fqn is a prefix of the folder's models' fqns
        "seed.p.indicators": {**_node("indicators", "seed"), "fqn": ["p", "indicators"]},
    },
    "macros": {},
    "child_map": {
        "source.p.raw_air.air_hourly": ["model.p.stg_air__hourly"],
        "model.p.stg_air__hourly": ["model.p.fct_air_quality_daily"],
        "model.p.fct_air_quality_daily": ["test.p.not_null_fct_air_quality_daily_obs_date"],
        "source.p.raw_water.water_sections": ["model.p.stg_water__sections"],
        "source.p.ingest._files": ["model.p.fct_completeness"],
        "seed.p.indicators": ["model.p.stg_water__sections"],
    },
}


def test_the_nodes_downstream_of_a_raw_table_are_its_models_and_their_tests_only():
    assert affected_nodes(MANIFEST, {"air_hourly"}) == {
        "model.p.stg_air__hourly",
        "model.p.fct_air_quality_daily",
        "test.p.not_null_fct_air_quality_daily_obs_date",
    }
    assert affected_nodes(MANIFEST, set()) == set()


@pytest.fixture
def build(tmp_path):
    settings = Settings(tmp_path / "inbox", tmp_path / "data", snapshots_kept=1, report_snapshots_kept=1)
    settings.build_db.parent.mkdir(parents=True)
    conn = duckdb.connect(str(settings.build_db))
    conn.execute("CREATE SCHEMA raw")
    columns = ", ".join(
        f"{name} {sql_type}" for name, (sql_type, _) in BOOKKEEPING_TABLES[FILES_TABLE].items()
    )
    conn.execute(f"CREATE TABLE {FILES_TABLE} ({columns})")
    yield settings, conn
    conn.close()


def _load(conn, source: str, at: str) -> None:
    conn.execute(
        "INSERT INTO raw._files (source, file_path, status, loaded_at) VALUES (?, ?, 'loaded', ?)",
        [source, f"{source}/{at}.xlsx", datetime.fromisoformat(at)],
    )


def test_a_first_build_builds_everything_then_only_what_a_new_file_feeds_then_nothing(build):
    settings, conn = build
    _load(conn, "air_hourly", "2026-01-01T02:00:00")
    first = plan_build(settings, MANIFEST, conn)
    assert first.exclude is None and "full build" in first.reason
    save_state(settings, first)

    _load(conn, "air_hourly", "2026-01-02T02:00:00")
    second = plan_build(settings, MANIFEST, conn)
    assert second.changed_sources == ["air_hourly"]
    # the bookkeeping every load writes feeds completeness; the water model (with its ancestors) and the
    # seeds stay as built, the seeds left out by type (their name would also match the completeness
    # model's folder)
    assert second.exclude == ["resource_type:seed", "+fqn:p.models.stg_water__sections"]
    assert "model.p.fct_completeness" in second.affected
    save_state(settings, second)

    third = plan_build(settings, MANIFEST, conn)
    assert third.nothing_to_build and third.reason == "no file loaded since the last build"


def test_other_code_than_the_last_build_ran_builds_everything(build):
    settings, conn = build
    _load(conn, "air_hourly", "2026-01-01T02:00:00")
    save_state(settings, plan_build(settings, MANIFEST, conn))
    edited = json.loads(json.dumps(MANIFEST))
    edited["nodes"]["model.p.fct_air_quality_daily"]["checksum"] = {"checksum": "edited"}

    assert plan_build(settings, edited, conn).exclude is None
    assert plan_build(settings, MANIFEST, conn).nothing_to_build


def test_a_node_that_cannot_be_left_out_alone_makes_the_build_full(build):
    settings, conn = build
    _load(conn, "water_sections", "2026-01-01T02:00:00")
    save_state(settings, plan_build(settings, MANIFEST, conn))
    # a model named like the folder of a model that must be built: excluding it would exclude both
    clashing = json.loads(json.dumps(MANIFEST))
    clashing["nodes"]["model.p.models"] = {**_node("models"), "fqn": ["p", "models"]}
    save_state(settings, plan_build(settings, clashing, conn))
    _load(conn, "water_sections", "2026-01-02T02:00:00")

    assert plan_build(settings, clashing, conn).exclude is None


def test_a_loose_test_is_named_and_a_test_with_a_parent_built_is_kept():
    with_tests = json.loads(json.dumps(MANIFEST))
    with_tests["sources"]["source.p.raw_water.water_sections_totals"] = {
        "schema": "raw",
        "identifier": "water_sections_totals",
    }
    # a test of a source no model reads, and a test on a built model and a seed
    with_tests["nodes"]["test.p.totals_add_up"] = _node("totals_add_up", "test")
    with_tests["nodes"]["test.p.daily_area_in_indicators"] = _node("daily_area_in_indicators", "test")
    with_tests["child_map"]["source.p.raw_water.water_sections_totals"] = ["test.p.totals_add_up"]
    with_tests["child_map"]["model.p.fct_air_quality_daily"].append("test.p.daily_area_in_indicators")
    with_tests["child_map"]["seed.p.indicators"].append("test.p.daily_area_in_indicators")

    affected = affected_nodes(with_tests, {"air_hourly"})
    assert "test.p.daily_area_in_indicators" in affected
    assert exclusions(with_tests, affected) == [
        "resource_type:seed",
        "+fqn:p.indicators.fct_completeness",
        "+fqn:p.models.stg_water__sections",
        "fqn:p.models.totals_add_up",
    ]


def test_dbt_selects_exactly_the_nodes_downstream_of_a_changed_source(tmp_path):
    """The selectors are read by dbt itself: `dbt ls` on the project lists the affected nodes, no more."""
    manifest = json.loads((DBT_PROJECT_DIR / "target" / "manifest.json").read_text(encoding="utf-8"))
    spec = load_registry()["air_enforcement"]
    raw_tables = {spec.raw_table, spec.totals_table} | {t.split(".", 1)[1] for t in BOOKKEEPING_TABLES}
    affected = affected_nodes(manifest, raw_tables - {None})
    # the parse `make manifest` saved, so that dbt does not parse the project again
    shutil.copy2(DBT_PROJECT_DIR / "target" / "partial_parse.msgpack", tmp_path)
    listed = subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"),
            "ls",
            "--profiles-dir",
            ".",
            "--target-path",
            str(tmp_path),
            "--quiet",
            *(arg for kind in BUILT_TYPES for arg in ("--resource-type", kind)),
            "--output",
            "json",
            "--output-keys",
            "unique_id",
            "--indirect-selection",
            INDIRECT_SELECTION,
            "--exclude",
            " ".join(exclusions(manifest, affected)),
        ],
        cwd=DBT_PROJECT_DIR,
        env={**os.environ, "DO_NOT_TRACK": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    built = {uid for uid in affected if manifest["nodes"].get(uid, {}).get("resource_type") in BUILT_TYPES}
    assert {json.loads(line)["unique_id"] for line in listed.stdout.splitlines()} == built
    assert 10 < len(built) < len(manifest["nodes"]) / 10
