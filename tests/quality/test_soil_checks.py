"""Each soil GX suite catches a planted bad value through the real Dagster asset check.

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


PLANTED = [
    (
        "fct_soil_plot_surveys",
        "UPDATE marts.fct_soil_plot_surveys SET report_completed_on = started_on - 10 "
        "WHERE plot_code = 'DK1'",
    ),
    (
        "fct_rural_sewage",
        "UPDATE marts.fct_rural_sewage SET villages_sewage_done = villages_sewage_done + 1 "
        "WHERE district = '南陵县' AND year = 2023 AND end_month = 1",
    ),
    (
        "fct_rural_sewage",
        "UPDATE marts.fct_rural_sewage SET sewage_treatment_rate = 140 "
        "WHERE district = '南陵县' AND year = 2023 AND end_month = 1",
    ),
    (
        "fct_rural_black_odorous_water",
        "UPDATE marts.fct_rural_black_odorous_water SET water_bodies_eliminated = water_bodies_listed + 1 "
        "WHERE district = '无为市' AND year = 2023 AND end_month = 1",
    ),
    (
        "fct_rural_black_odorous_water",
        "UPDATE marts.fct_rural_black_odorous_water SET water_bodies_listed = 0, water_bodies_eliminated = 0 "
        "WHERE district = '无为市' AND year = 2022 AND end_month = 12",
    ),
    (
        "fct_livestock_manure",
        "UPDATE marts.fct_livestock_manure SET manure_utilised_t = manure_produced_t + 10 "
        "WHERE district = '南陵县' AND year = 2023 AND end_month = 1",
    ),
    (
        "fct_livestock_manure",
        "UPDATE marts.fct_livestock_manure SET scale_farms_equipped = scale_farms + 1 "
        "WHERE district = '湾沚区' AND year = 2023 AND end_month = 1",
    ),
    (
        "fct_hazardous_waste_inspections",
        "UPDATE marts.fct_hazardous_waste_inspections SET problems_rectified = problems_found + 1 "
        "WHERE district = '鸠江区' AND year = 2023 AND end_month = 1",
    ),
    (
        "fct_rural_environment",
        "UPDATE marts.fct_rural_environment SET reward_funds_yuan = -1 "
        "WHERE district = '南陵县' AND year = 2023 AND end_month = 1",
    ),
    (
        "fct_soil_city_period",
        "UPDATE marts.fct_soil_city_period "
        "SET hazwaste_enterprises_checked = hazwaste_enterprises_checked + 1 "
        "WHERE year = 2023 AND end_month = 1",
    ),
    (
        "fct_soil_city_period",
        "UPDATE marts.fct_soil_city_period SET manure_utilisation_rate = 120 "
        "WHERE year = 2023 AND end_month = 1",
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


@pytest.mark.parametrize("table", ["fct_livestock_manure", "fct_soil_city_period", "fct_rural_environment"])
def test_clean_small_inbox_passes_and_publishes(warehouse_copy, table):
    result = run_checks_and_publish(warehouse_copy / "inbox", warehouse_copy / "data", ["marts", table])
    assert all(passed for passed, _ in check_evaluations(result).values())
    assert result.success


TOTAL_ROWS = [
    (
        "fct_livestock_manure",
        "UPDATE raw.soil_manure_monthly_totals SET manure_utilised_month = manure_utilised_month + 5",
    ),
    ("fct_rural_environment", "UPDATE raw.soil_rural_reward_funds_totals SET amount = amount + 1"),
]


@pytest.mark.parametrize(("table", "plant"), TOTAL_ROWS, ids=[t for t, _ in TOTAL_ROWS])
def test_total_row_disagreeing_with_details_warns_and_still_publishes(warehouse_copy, table, plant):
    published = warehouse_copy / "data" / "warehouse.duckdb"
    before = _digest(published)
    _plant(warehouse_copy, plant)

    result = run_checks_and_publish(warehouse_copy / "inbox", warehouse_copy / "data", ["marts", table])

    evaluations = check_evaluations(result)
    assert evaluations[f"gx_{table}_warn"] == (False, "WARN")
    assert evaluations[f"gx_{table}_error"] == (True, "ERROR")
    warn = next(e for e in result.get_asset_check_evaluations() if e.check_name == f"gx_{table}_warn")
    failures = str(warn.metadata["failures"].value)
    assert "合计" in failures and ".xlsx" in failures and "行" in failures
    assert _digest(published) != before


def test_running_total_that_does_not_add_up_warns(warehouse_copy):
    _plant(
        warehouse_copy,
        "UPDATE raw.soil_manure_monthly SET manure_produced_ytd = manure_produced_ytd + 7 "
        "WHERE _file_identity LIKE '%2023-01' AND district = '南陵县'",
    )

    result = run_checks_and_publish(
        warehouse_copy / "inbox", warehouse_copy / "data", ["marts", "fct_livestock_manure"]
    )

    assert check_evaluations(result)["gx_fct_livestock_manure_warn"] == (False, "WARN")
