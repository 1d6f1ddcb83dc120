"""Each air GX suite catches a planted bad value through the real Dagster asset check.

ERROR failures block publication (the previous snapshot stays); WARN failures publish and are reported.
"""

import hashlib

import duckdb
import pytest

from dagster_project.checks.gx_runner import CheckBroken, Suite, validate
from dagster_project.settings import EXPECTATIONS_DIR
from tests.pipeline import check_evaluations, run_checks_and_publish


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _plant(root, sql):
    with duckdb.connect(str(root / "data" / "build" / "warehouse.duckdb")) as conn:
        conn.execute(sql)


PLANTED = [
    (
        "fct_air_quality_daily",
        "UPDATE marts.fct_air_quality_daily SET aqi = 612 WHERE obs_date = '2023-01-02'",
    ),
    (
        "fct_air_quality_daily",
        "UPDATE marts.fct_air_quality_daily SET pm25_24h = -999 WHERE obs_date = '2023-01-02'",
    ),
    (
        "fct_air_quality_station_daily",
        "UPDATE marts.fct_air_quality_station_daily SET pm25_24h = -999 WHERE obs_date = '2023-01-02'",
    ),
    (
        "fct_air_quality_period",
        "UPDATE marts.fct_air_quality_period "
        "SET good_days = good_days - 1, good_day_ratio = good_day_ratio - 10 "
        "WHERE period_kind = 'ytd' AND year = 2023",
    ),
    (
        "fct_air_quality_period",
        "UPDATE marts.fct_air_quality_period SET good_day_ratio = 183.6 "
        "WHERE period_kind = 'ytd' AND year = 2023",
    ),
    (
        "fct_air_quality_district_period",
        "UPDATE marts.fct_air_quality_district_period SET good_days = good_days - 1 "
        "WHERE period_kind = 'ytd' AND year = 2023 AND district = '镜湖区' AND is_published_basis",
    ),
    (
        "fct_air_enforcement",
        "UPDATE marts.fct_air_enforcement SET enterprises_verified_month = -5 "
        "WHERE year = 2023 AND district = '镜湖区'",
    ),
    # the two row-conditioned expectations: a valid day without AQI, a good day above 100
    (
        "fct_air_quality_daily",
        "UPDATE marts.fct_air_quality_daily SET aqi = NULL WHERE obs_date = '2023-01-02' AND is_valid_day",
    ),
    (
        "fct_air_quality_daily",
        "UPDATE marts.fct_air_quality_daily SET aqi = 150 WHERE obs_date = '2023-01-02' AND is_good_day",
    ),
    (
        "fct_key_enterprise_emissions",
        "UPDATE marts.fct_key_enterprise_emissions SET n_online_monitoring = n_enterprises + 1 "
        "WHERE year = 2023",
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


def test_clean_warehouse_passes_every_check_and_publishes(warehouse_copy):
    result = run_checks_and_publish(
        warehouse_copy / "inbox", warehouse_copy / "data", ["marts", "fct_air_quality_period"]
    )
    assert all(passed for passed, _ in check_evaluations(result).values())
    assert result.success


def test_total_row_disagreeing_with_details_warns_and_still_publishes(warehouse_copy):
    published = warehouse_copy / "data" / "warehouse.duckdb"
    before = _digest(published)
    _plant(
        warehouse_copy,
        "UPDATE raw.air_enforcement_totals SET enterprises_verified_month = enterprises_verified_month + 5",
    )

    result = run_checks_and_publish(
        warehouse_copy / "inbox", warehouse_copy / "data", ["marts", "fct_air_enforcement"]
    )

    evaluations = check_evaluations(result)
    assert evaluations["gx_fct_air_enforcement_warn"] == (False, "WARN")
    assert evaluations["gx_fct_air_enforcement_error"] == (True, "ERROR")
    warn = next(
        e for e in result.get_asset_check_evaluations() if e.check_name == "gx_fct_air_enforcement_warn"
    )
    assert "合计" in str(warn.metadata["failures"].value) and ".xlsx" in str(warn.metadata["failures"].value)
    assert _digest(published) != before


def test_suite_that_cannot_be_evaluated_is_a_broken_check_not_bad_data(quality_build):
    suite = Suite.from_file(EXPECTATIONS_DIR / "fct_air_quality_daily.json")
    broken = Suite(
        suite.name,
        suite.asset_key,
        suite.batch_query,
        suite.description_zh,
        (
            {
                "type": "expect_column_values_to_be_between",
                "kwargs": {"column": "no_such_column", "min_value": 0},
                "meta": {"severity": "ERROR"},
            },
        ),
    )
    with duckdb.connect(str(quality_build / "data" / "build" / "warehouse.duckdb"), read_only=True) as conn:
        with pytest.raises(CheckBroken):
            validate(broken, conn)
