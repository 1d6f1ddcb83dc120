"""Each water GX suite catches a planted bad value through the real Dagster asset check.

ERROR failures block publication (the previous snapshot stays); WARN failures publish and are reported.
"""

import hashlib

import duckdb
import pytest

from dagster_project.checks.gx_runner import load_suites
from dagster_project.settings import EXPECTATIONS_DIR
from tests.pipeline import check_evaluations, run_checks_and_publish

WATER_SUITES = sorted(
    s.name
    for s in load_suites(EXPECTATIONS_DIR)
    if s.name.startswith(
        ("fct_water_", "fct_drinking_", "fct_outfall_", "fct_urban_sewer_", "fct_wastewater_")
    )
)


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _plant(root, sql):
    with duckdb.connect(str(root / "data" / "build" / "warehouse.duckdb")) as conn:
        assert conn.execute(sql).fetchone()[0] > 0, f"nothing planted: {sql}"


PLANTED = [
    (
        "fct_water_section_monthly",
        "UPDATE marts.fct_water_section_monthly SET class_no = 7 WHERE section_code = 'T01'",
    ),
    (
        "fct_water_section_period",
        "UPDATE marts.fct_water_section_period SET class_label = 'VI' WHERE section_code = 'T02'",
    ),
    (
        "fct_water_quality_summary",
        "UPDATE marts.fct_water_quality_summary SET good_ratio_pct = 120 "
        "WHERE assessment_level = '国考' AND year = 2023",
    ),
    (
        "fct_water_quality_summary",
        "UPDATE marts.fct_water_quality_summary SET n_sections_evaluated = n_sections_evaluated - 1 "
        "WHERE assessment_level = '省考' AND year = 2023",
    ),
    (
        "fct_water_quality_summary",
        "UPDATE marts.fct_water_quality_summary SET n_sections_good = n_sections_good - 1 "
        "WHERE assessment_level = '国考' AND year = 2023",
    ),
    (
        "fct_drinking_water_sources",
        "UPDATE marts.fct_drinking_water_sources SET n_sources_ok = n_sources_monitored + 1 "
        "WHERE year = 2023",
    ),
    (
        "fct_outfall_remediation",
        "UPDATE marts.fct_outfall_remediation SET n_remediated = n_outfalls + 1 "
        "WHERE month_start = '2023-01-01'",
    ),
    (
        "fct_outfall_remediation",
        "UPDATE marts.fct_outfall_remediation SET n_outfalls = n_outfalls + 5, n_monitored = n_monitored + 5 "
        "WHERE month_start = '2023-01-01'",
    ),
    (
        "fct_urban_sewer_works",
        "UPDATE marts.fct_urban_sewer_works SET surveyed_km_month = -3 "
        "WHERE year = 2023 AND district = '镜湖区'",
    ),
    (
        "fct_wastewater_plants",
        "UPDATE marts.fct_wastewater_plants SET capacity_added_by_expansions_t_per_day = -30000 "
        "WHERE year = 2023",
    ),
    (
        "fct_water_risk_survey",
        "UPDATE marts.fct_water_risk_survey SET hazards_rectified = hazards_found + 1 "
        "WHERE district = '镜湖区'",
    ),
    ("fct_water_funds", "UPDATE marts.fct_water_funds SET amount_yuan = -1 WHERE project_code = 'F1'"),
]


def test_every_water_suite_has_a_planted_value():
    assert {table for table, _ in PLANTED} == set(WATER_SUITES)


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


@pytest.mark.parametrize("table", WATER_SUITES)
def test_clean_water_tables_pass_every_check(warehouse_copy, table):
    result = run_checks_and_publish(warehouse_copy / "inbox", warehouse_copy / "data", ["marts", table])
    evaluations = check_evaluations(result)
    assert evaluations and all(passed for passed, _ in evaluations.values()), evaluations


def test_sewer_total_row_disagreeing_with_details_warns_and_still_publishes(warehouse_copy):
    published = warehouse_copy / "data" / "warehouse.duckdb"
    before = _digest(published)
    _plant(
        warehouse_copy,
        "UPDATE raw.water_sewer_works_totals SET defects_fixed_month = defects_fixed_month + 5",
    )

    result = run_checks_and_publish(
        warehouse_copy / "inbox", warehouse_copy / "data", ["marts", "fct_urban_sewer_works"]
    )

    evaluations = check_evaluations(result)
    assert evaluations["gx_fct_urban_sewer_works_warn"] == (False, "WARN")
    assert evaluations["gx_fct_urban_sewer_works_error"] == (True, "ERROR")
    warn = next(
        e for e in result.get_asset_check_evaluations() if e.check_name == "gx_fct_urban_sewer_works_warn"
    )
    failures = str(warn.metadata["failures"].value)
    assert "合计" in failures and ".xlsx" in failures and "第" in failures
    assert _digest(published) != before


def test_remediated_without_plan_is_a_warning_only(warehouse_copy):
    _plant(
        warehouse_copy, "UPDATE marts.fct_outfall_remediation SET n_plans_written = 0 WHERE n_remediated > 0"
    )

    result = run_checks_and_publish(
        warehouse_copy / "inbox", warehouse_copy / "data", ["marts", "fct_outfall_remediation"]
    )

    evaluations = check_evaluations(result)
    assert evaluations["gx_fct_outfall_remediation_warn"] == (False, "WARN")
    assert evaluations["gx_fct_outfall_remediation_error"] == (True, "ERROR")
    assert result.success
