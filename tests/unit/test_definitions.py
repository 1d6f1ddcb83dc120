"""What the Dagster UI shows of every asset: a description and an owner; tests on dbt sources as checks
of the raw assets; a freshness policy that shows a night the refresh did not complete."""

import json
from datetime import timedelta

import dagster as dg
import pytest

from dagster_project.assets.dbt import dbt_project
from dagster_project.definitions import defs
from dagster_project.schedules import MAX_RUNTIME, nightly_refresh

PUBLISHED = dg.AssetKey(["published", "warehouse"])


@pytest.fixture(scope="module")
def asset_graph():
    return defs.resolve_asset_graph()


def test_every_asset_has_a_description_and_an_owner(asset_graph):
    undescribed = [
        key.to_user_string()
        for key in asset_graph.get_all_asset_keys()
        if not (asset_graph.get(key).description or "").strip() or not asset_graph.get(key).owners
    ]
    assert undescribed == []


def test_every_test_on_a_dbt_source_is_a_check_of_its_raw_asset(asset_graph):
    manifest = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))
    expected = set()
    for node in manifest["nodes"].values():
        parents = node["depends_on"]["nodes"] if node["resource_type"] == "test" else []
        if parents and all(parent.startswith("source.") for parent in parents):
            source = manifest["sources"][parents[0]]
            expected.add((dg.AssetKey([source["schema"], source["identifier"]]), node["name"]))
    checks = {(key.asset_key, key.name) for key in asset_graph.asset_check_keys}
    assert expected, "the dbt project declares tests on its sources"
    assert expected <= checks
    assert {key.path[0] for key, _ in expected} == {"raw"}


def test_the_published_snapshot_turns_stale_when_a_night_does_not_complete(asset_graph):
    policy = asset_graph.get(PUBLISHED).freshness_policy
    assert policy is not None and policy.timezone == nightly_refresh.execution_timezone
    # the deadline falls when the night's run has at the latest been failed for running too long, and
    # only a materialization since that night's tick counts (not a daytime run the day before)
    _, tick_hour, *tick_rest = nightly_refresh.cron_schedule.split()
    _, deadline_hour, *deadline_rest = policy.deadline_cron.split()
    assert deadline_rest == tick_rest == ["*", "*", "*"]
    assert timedelta(hours=int(deadline_hour) - int(tick_hour)) == MAX_RUNTIME == policy.lower_bound_delta
    assert nightly_refresh.job.tags["dagster/max_runtime"] == str(int(MAX_RUNTIME.total_seconds()))


def test_the_refresh_runs_dbt_build_once(asset_graph):
    """Blocking checks of raw assets inside the dbt step would make Dagster split dbt build into several
    invocations (each a subset, its relationship tests run before their models)."""
    steps = [node.name for node in defs.resolve_job_def("warehouse_refresh").graph.nodes]
    assert [step for step in steps if step.startswith("warehouse_dbt_models")] == ["warehouse_dbt_models"]
    raw_checks = [key for key in asset_graph.asset_check_keys if key.asset_key.path[0] == "raw"]
    assert raw_checks and not any(asset_graph.get_check_spec(key).blocking for key in raw_checks)
