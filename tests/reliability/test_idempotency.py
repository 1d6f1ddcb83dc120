"""Two refreshes over the same inbox give identical marts; a corrected resubmission changes exactly its
rows."""

import hashlib
import json
import shutil

import duckdb
import pytest

from dagster_project.assets.dbt import dbt_project
from dagster_project.checks.history import load_history
from tests.inboxes import enforcement_rows, write_submission
from tests.pipeline import run_refresh

LINEAGE_PREFIX = "_"


def air_marts() -> set[str]:
    """The marts of the air domain: each reads air submissions only (and the reference seeds)."""
    nodes = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))["nodes"].values()
    return {
        node["name"]
        for node in nodes
        if node["resource_type"] == "model" and node["fqn"][1:3] == ["marts", "air"]
    }


def mart_hashes(database) -> dict[str, str]:
    """A content hash of every mart, leaving out load-time lineage columns."""
    hashes = {}
    with duckdb.connect(str(database), read_only=True) as conn:
        tables = conn.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
        ).fetchall()
        for (table,) in tables:
            columns = [
                c
                for (c,) in conn.execute(
                    "select column_name from information_schema.columns where table_schema = 'marts' "
                    "and table_name = ? order by ordinal_position",
                    [table],
                ).fetchall()
                if not c.startswith(LINEAGE_PREFIX)
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            rows = conn.execute(f'select {select} from marts."{table}" order by all').fetchall()
            hashes[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return hashes


def changed_rows(before_db, after_db, table, key):
    with duckdb.connect(str(after_db), read_only=True) as conn:
        conn.execute(f"attach '{before_db}' as before_snapshot (read_only)")
        return conn.execute(
            f"select {key} from (select * from marts.{table} "
            f"except select * from before_snapshot.marts.{table}) order by all"
        ).fetchall()


@pytest.fixture(scope="module")
def two_runs(small_air_build, tmp_path_factory):
    """first: a copy of the session's small air build, refreshed once more over the same inbox."""
    root = tmp_path_factory.mktemp("idempotency")
    shutil.copytree(small_air_build / "inbox", root / "inbox")
    shutil.copytree(small_air_build / "data", root / "first")
    inbox = root / "inbox"
    rerun = run_refresh(inbox, root / "first")
    assert rerun.success
    return root, inbox, rerun


def _check_runs(result) -> dict[str, str | None]:
    """GX check → the run whose validation it reported again (None: validated in this run)."""
    return {
        evaluation.check_name: getattr(evaluation.metadata.get("carried_forward_from_run"), "value", None)
        for evaluation in result.get_asset_check_evaluations()
        if evaluation.check_name.startswith("gx_")
    }


def _history_runs(data_dir) -> set[str]:
    return {record.run_id for record in load_history(data_dir / "quality")}


def test_refreshing_the_same_inbox_again_gives_identical_marts(two_runs, small_air_build, quality_build):
    root, _, rerun = two_runs
    # the rerun rebuilds no model and publishes nothing new: the snapshot stays, the publish log says so
    snapshots = sorted((root / "first" / "snapshots").glob("warehouse-*.duckdb"))
    assert len(snapshots) == 1
    with duckdb.connect(str(root / "first" / "build" / "warehouse.duckdb"), read_only=True) as conn:
        outcomes = conn.execute("select outcome from ops.publish_log order by published_at").fetchall()
    assert outcomes == [("published",), ("nothing_new",)]
    rerun_marts = mart_hashes(root / "first" / "warehouse.duckdb")
    assert rerun_marts == mart_hashes(small_air_build / "data" / "warehouse.duckdb")
    # another warehouse built from scratch from the same air submissions (the quality build's inbox holds
    # them, beside the other domains' forms) has the same air marts
    air = air_marts()
    fresh_marts = mart_hashes(quality_build / "data" / "warehouse.duckdb")
    assert len(air) > 5
    assert {t: rerun_marts[t] for t in air} == {t: fresh_marts[t] for t in air}


def test_a_rerun_validates_no_table_again_and_reports_each_suites_last_results(two_runs):
    root, _, rerun = two_runs
    reported = _check_runs(rerun)
    assert len(reported) > 30
    assert all(run is not None and run != rerun.run_id for run in reported.values())
    assert rerun.run_id not in _history_runs(root / "first")


def test_a_corrected_resubmission_changes_exactly_its_rows(two_runs):
    root, inbox, _ = two_runs
    before = sorted((root / "first" / "snapshots").glob("warehouse-*.duckdb"))[-1]
    rows = enforcement_rows(
        {"enterprises_verified": 10, "inspection_staff_times": 20, "vehicles_blacklisted": 3}
    )
    rows[1]["enterprises_verified_month"] = rows[1]["enterprises_verified_ytd"] = 12
    write_submission(
        inbox,
        "air_enforcement",
        "执法月报_202301_报送20230210.xlsx",
        rows,
        title="XX市大气污染防治执法工作月报表（2023年1月）",
        with_total=True,
    )
    corrected = run_refresh(inbox, root / "first")
    assert corrected.success
    reported = _check_runs(corrected)
    # the enforcement mart is rebuilt and validated again; a water table, untouched, is not
    assert reported["gx_fct_air_enforcement_warn"] is None
    assert reported["gx_fct_water_section_monthly_error"] is not None
    assert corrected.run_id in _history_runs(root / "first")

    changed = changed_rows(
        before, root / "first" / "warehouse.duckdb", "fct_air_enforcement", "district, year, month"
    )
    assert changed == [("繁昌区", 2023, 1)]
    # the area × period mart sums the form: only the district's and the city's 2023 periods move
    periods = changed_rows(
        before, root / "first" / "warehouse.duckdb", "fct_air_control_area_period", "area, year, end_month"
    )
    assert {(area, year) for area, year, _ in periods} == {("城市", 2023), ("繁昌区", 2023)}
    unchanged = {
        t for t, h in mart_hashes(before).items() if h == mart_hashes(root / "first" / "warehouse.duckdb")[t]
    }
    assert unchanged == set(mart_hashes(before)) - {"fct_air_enforcement", "fct_air_control_area_period"}
