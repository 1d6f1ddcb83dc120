"""Each forestry GX suite catches a planted bad value through the real Dagster asset check.

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


def _run(root, table):
    return run_checks_and_publish(root / "inbox", root / "data", ["marts", table])


PLANTED_ERRORS = [
    (
        "fct_forest_resources",
        "UPDATE marts.fct_forest_resources SET forest_area_ha = land_area_ha + 1 WHERE district = '镜湖区'",
    ),
    (
        "fct_forest_resources",
        "UPDATE marts.fct_forest_resources SET coverage_pct = 130 WHERE district = '繁昌区'",
    ),
    (
        "fct_afforestation",
        "UPDATE marts.fct_afforestation SET area_mu = area_mu * 15 WHERE project_code = 'ZL2023-1'",
    ),
    ("fct_afforestation", "UPDATE marts.fct_afforestation SET area_ha = -1 WHERE project_code = 'ZL2022-2'"),
    (
        "fct_mine_restoration",
        "UPDATE marts.fct_mine_restoration SET restored_area_ha = listed_area_ha + 2 "
        "WHERE project_code = 'P1'",
    ),
    (
        "fct_forest_land_use",
        "UPDATE marts.fct_forest_land_use SET area_ha = -3.2 WHERE record_kind = '批准使用林地'",
    ),
    (
        "fct_protected_area_inspections",
        "UPDATE marts.fct_protected_area_inspections SET problems_fixed = 5 WHERE year = 2023",
    ),
    (
        "fct_ancient_trees",
        "UPDATE marts.fct_ancient_trees SET repair_subsidy_yuan = -5000 WHERE tree_id = 'T1'",
    ),
    ("fct_wildlife_rescue", "UPDATE marts.fct_wildlife_rescue SET animals_survived = 4 WHERE year = 2023"),
    ("fct_wildlife_rescue", "UPDATE marts.fct_wildlife_rescue SET animals_reported = 1 WHERE year = 2022"),
    ("fct_alligator_releases", "UPDATE marts.fct_alligator_releases SET alligators = 0"),
    (
        "fct_forestry_district_period",
        "UPDATE marts.fct_forestry_district_period SET reserve_land_ha = -12.5 WHERE district = '南陵县'",
    ),
    (
        "fct_forestry_period",
        "UPDATE marts.fct_forestry_period SET wildlife_survival_rate_pct = 120 WHERE year = 2023",
    ),
    (
        "fct_forestry_period",
        "UPDATE marts.fct_forestry_period SET abandoned_mine_restoration_rate_pct = -5 WHERE year = 2023",
    ),
    (
        "fct_forestry_period",
        "UPDATE marts.fct_forestry_period SET afforestation_mu = afforestation_mu + 100 "
        "WHERE year = 2023 AND end_month = 11",
    ),
]


@pytest.mark.parametrize(
    ("table", "plant"), PLANTED_ERRORS, ids=[f"{t}:{i}" for i, (t, _) in enumerate(PLANTED_ERRORS)]
)
def test_error_check_catches_planted_value_and_blocks_publication(warehouse_copy, table, plant):
    published = warehouse_copy / "data" / "warehouse.duckdb"
    before = _digest(published)
    _plant(warehouse_copy, plant)

    result = _run(warehouse_copy, table)

    assert check_evaluations(result)[f"gx_{table}_error"] == (False, "ERROR")
    assert not any(
        event.asset_key.path == ["published", "warehouse"]
        for event in result.get_asset_materialization_events()
    )
    assert _digest(published) == before


def test_clean_forestry_marts_pass_every_check(warehouse_copy):
    for table in ("fct_forestry_period", "fct_afforestation", "fct_forest_resources", "fct_ancient_trees"):
        result = _run(warehouse_copy, table)
        assert all(passed for passed, _ in check_evaluations(result).values()), table
        assert result.success


@pytest.mark.parametrize(
    ("table", "plant"),
    [
        (
            "fct_afforestation",
            "UPDATE raw.forestry_afforestation_totals SET area = area + 50 "
            "WHERE _file_identity LIKE '%2023%'",
        ),
        (
            "fct_forest_resources",
            "UPDATE raw.forestry_forest_resources_totals SET forest_area = forest_area - 7",
        ),
    ],
)
def test_total_row_disagreeing_with_details_warns_and_still_publishes(warehouse_copy, table, plant):
    published = warehouse_copy / "data" / "warehouse.duckdb"
    before = _digest(published)
    _plant(warehouse_copy, plant)

    result = _run(warehouse_copy, table)

    evaluations = check_evaluations(result)
    assert evaluations[f"gx_{table}_warn"] == (False, "WARN")
    assert evaluations[f"gx_{table}_error"] == (True, "ERROR")
    warn = next(e for e in result.get_asset_check_evaluations() if e.check_name == f"gx_{table}_warn")
    failures = str(warn.metadata["failures"].value)
    assert "合计" in failures and ".xlsx" in failures and "第" in failures
    assert _digest(published) != before


def test_grade_inconsistent_with_age_warns_and_still_publishes(warehouse_copy):
    published = warehouse_copy / "data" / "warehouse.duckdb"
    before = _digest(published)
    _plant(
        warehouse_copy, "UPDATE marts.fct_ancient_trees SET is_grade_consistent = false WHERE tree_id = 'T2'"
    )

    result = _run(warehouse_copy, "fct_ancient_trees")

    assert check_evaluations(result)["gx_fct_ancient_trees_warn"] == (False, "WARN")
    assert _digest(published) != before


def test_personal_data_stays_in_raw(warehouse_copy):
    with duckdb.connect(str(warehouse_copy / "data" / "warehouse.duckdb"), read_only=True) as conn:
        columns = {
            name
            for (name,) in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema <> 'raw' "
                "AND table_name LIKE '%forestry%wildlife%' OR table_name = 'fct_wildlife_rescue'"
            ).fetchall()
        }
    assert columns and not columns & {"reporter_name", "reporter_phone"}
