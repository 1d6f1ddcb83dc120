"""Each fishing GX suite catches a planted bad value through the real Dagster asset check.

ERROR failures block publication (the previous snapshot stays); WARN failures publish and are reported.
"""

import hashlib

import duckdb
import pytest

from tests.pipeline import check_evaluations, run_checks_and_publish


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _plant(root, sql):
    with duckdb.connect(str(root / "data" / "build" / "warehouse.duckdb")) as conn:
        conn.execute(sql)


def _warning_text(result, check):
    event = next(e for e in result.get_asset_check_evaluations() if e.check_name == check)
    return str(event.metadata["failures"].value)


def test_small_inbox_builds_the_fishing_marts(quality_build):
    with duckdb.connect(str(quality_build / "data" / "warehouse.duckdb"), read_only=True) as conn:
        cases, merged = conn.execute(
            "SELECT count(*), sum(records_merged) FROM marts.fct_fishing_cases"
        ).fetchone()
        nets, metres = conn.execute(
            "SELECT sum(nets_removed), sum(nets_removed_length_m) FROM marts.fct_fishing_enforcement_monthly"
        ).fetchone()
    assert (cases, merged) == (4, 5)
    assert (nets, metres) == (34, 1600)


PLANTED = [
    (
        "fct_fishing_patrols",
        "UPDATE marts.fct_fishing_patrols SET staff_times = 0 WHERE patrol_code = 'XC2023-001'",
    ),
    ("fct_fishing_cases", "UPDATE marts.fct_fishing_cases SET fine_yuan = -200 WHERE case_code = 'A001'"),
    (
        "fct_fishing_cases",
        "UPDATE marts.fct_fishing_cases SET offender_key = '340202199001011234' WHERE case_code = 'A001'",
    ),
    (
        "fct_fishing_confiscations",
        "UPDATE marts.fct_fishing_confiscations SET counted_quantity = quantity WHERE quantity_unit = '米'",
    ),
    (
        "fct_fishing_capacity",
        "UPDATE marts.fct_fishing_capacity SET optical_devices = -1 WHERE district = '无为市'",
    ),
    ("fct_fishing_publicity", "UPDATE marts.fct_fishing_publicity SET quantity = -5 WHERE entry_code = 'E1'"),
    (
        "fct_fishing_enforcement_monthly",
        "UPDATE marts.fct_fishing_enforcement_monthly SET staff_times = patrols - 1 WHERE patrols > 0",
    ),
    (
        "fct_fishing_enforcement_monthly",
        "UPDATE marts.fct_fishing_enforcement_monthly "
        "SET admin_cases = admin_cases + 1, cases_total = cases_total + 1 "
        "WHERE district = '鸠江区' AND year = 2023 AND month = 1",
    ),
    (
        "fct_fishing_enforcement_monthly",
        "UPDATE marts.fct_fishing_enforcement_monthly SET admin_angling_share_pct = 120 "
        "WHERE admin_cases > 0",
    ),
    (
        "fct_fishing_enforcement_monthly",
        "UPDATE marts.fct_fishing_enforcement_monthly "
        "SET nets_removed = nets_removed + nets_removed_length_m WHERE nets_removed_length_m > 0",
    ),
]


@pytest.mark.parametrize(("table", "plant"), PLANTED, ids=[f"{t}:{i}" for i, (t, _) in enumerate(PLANTED)])
def test_error_check_catches_planted_value_and_blocks_publication(warehouse_copy, table, plant):
    published = warehouse_copy / "data" / "warehouse.duckdb"
    before = _digest(published)
    _plant(warehouse_copy, plant)

    result = run_checks_and_publish(warehouse_copy / "inbox", warehouse_copy / "data", ["marts", table])

    assert check_evaluations(result)[f"gx_{table}_error"] == (False, "ERROR")
    assert not any(
        event.asset_key.path == ["published", "warehouse"]
        for event in result.get_asset_materialization_events()
    )
    assert _digest(published) == before


def test_total_row_disagreeing_with_districts_warns_and_still_publishes(warehouse_copy):
    published = warehouse_copy / "data" / "warehouse.duckdb"
    before = _digest(published)
    _plant(warehouse_copy, "UPDATE raw.fishing_rosters_totals SET warden_village = warden_village + 7")

    result = run_checks_and_publish(
        warehouse_copy / "inbox", warehouse_copy / "data", ["marts", "fct_fishing_capacity"]
    )

    evaluations = check_evaluations(result)
    assert evaluations["gx_fct_fishing_capacity_warn"] == (False, "WARN")
    assert evaluations["gx_fct_fishing_capacity_error"] == (True, "ERROR")
    text = _warning_text(result, "gx_fct_fishing_capacity_warn")
    assert "合计" in text and "禁捕护渔力量统计表_202301.xlsx" in text and "力量统计" in text and "行" in text
    assert _digest(published) != before


def test_levels_disagreeing_with_stated_subtotal_warn_and_still_publish(warehouse_copy):
    _plant(
        warehouse_copy,
        "UPDATE marts.fct_fishing_capacity SET team_subtotal_stated = 40 WHERE district = '鸠江区'",
    )

    result = run_checks_and_publish(
        warehouse_copy / "inbox", warehouse_copy / "data", ["marts", "fct_fishing_capacity"]
    )

    assert check_evaluations(result)["gx_fct_fishing_capacity_warn"] == (False, "WARN")
    assert "护鱼队伍小计 40" in _warning_text(result, "gx_fct_fishing_capacity_warn")
    assert result.success


def test_clean_fishing_warehouse_passes_every_check(warehouse_copy):
    for table in (
        "fct_fishing_patrols",
        "fct_fishing_cases",
        "fct_fishing_confiscations",
        "fct_fishing_capacity",
        "fct_fishing_publicity",
        "fct_fishing_enforcement_monthly",
    ):
        result = run_checks_and_publish(warehouse_copy / "inbox", warehouse_copy / "data", ["marts", table])
        assert all(passed for passed, _ in check_evaluations(result).values()), table
