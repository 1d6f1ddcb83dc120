"""Every water figure of the 2023 report, regenerated from the raw submissions in the published warehouse."""

import pytest

from dagster_project.figures import matches
from tests.figures.figure_table import figures


def _summary(level: str, end_month: int, column: str) -> str:
    return (
        f"SELECT {column} FROM marts.fct_water_quality_summary "
        f"WHERE assessment_level = '{level}' AND year = 2023 AND end_month = {end_month}"
    )


DRINKING_2023 = "FROM marts.fct_drinking_water_sources WHERE year = 2023 AND end_month = 11"
OUTFALLS_2023_11 = "FROM marts.fct_outfall_remediation WHERE month_start = DATE '2023-11-01'"
SEWER_2023 = "FROM marts.fct_urban_sewer_works WHERE year = 2023 AND month <= 11"
RISK_2023 = "FROM marts.fct_water_risk_survey WHERE year = 2023 AND month <= 11"

QUERIES = {
    "water.national_sections": _summary("国考", 10, "n_sections_evaluated"),
    "water.national_good_ratio": _summary("国考", 10, "good_ratio_pct"),
    "water.national_compliance_rate": _summary("国考", 10, "compliance_rate_pct"),
    "water.provincial_sections": _summary("省考", 11, "n_sections_evaluated"),
    "water.provincial_good_ratio": _summary("省考", 11, "good_ratio_pct"),
    "water.provincial_compliance_rate": _summary("省考", 11, "compliance_rate_pct"),
    "water.drinking_sources_ok_ratio": f"SELECT ok_ratio_pct {DRINKING_2023}",
    "water.micro_stations_new": f"SELECT n_micro_stations_new {DRINKING_2023}",
    "water.micro_stations_moved": f"SELECT n_micro_stations_moved {DRINKING_2023}",
    "water.micro_stations_reused": f"SELECT n_micro_stations_reused {DRINKING_2023}",
    "water.sources_revoked": f"SELECT n_county_sources_revoked {DRINKING_2023}",
    "water.township_sources_merged": f"SELECT n_township_sources_merged {DRINKING_2023}",
    # The city ratio is recomputed from the districts' summed counts, never averaged over districts.
    "water.outfall_remediation_ratio": f"SELECT 100.0 * sum(n_remediated) / sum(n_outfalls) {OUTFALLS_2023_11}",
    "water.outfall_signs": f"SELECT sum(n_signs_erected) {OUTFALLS_2023_11}",
    "water.outfalls_monitored": f"SELECT sum(n_monitored) {OUTFALLS_2023_11}",
    "water.outfall_plans": f"SELECT sum(n_plans_written) {OUTFALLS_2023_11}",
    "water.outfalls_remediated": f"SELECT sum(n_remediated) {OUTFALLS_2023_11}",
    "water.sewer_surveyed_km": f"SELECT sum(surveyed_km_month) {SEWER_2023}",
    "water.sewer_defects_fixed": f"SELECT sum(defects_fixed_month) {SEWER_2023}",
    "water.mixed_connections_fixed": f"SELECT sum(cross_connections_fixed_month) {SEWER_2023}",
    "water.sewer_new_km": f"SELECT sum(new_km_month) {SEWER_2023}",
    "water.sewer_dredged_km": f"SELECT sum(dredged_km_month) {SEWER_2023}",
    "water.urban_black_odorous_supervised": f"SELECT sum(black_odorous_supervised) {SEWER_2023} AND month = 11",
    "water.risk_enterprise_checks": f"SELECT sum(n_enterprise_checks) {RISK_2023}",
    "water.risk_hazards_found": f"SELECT sum(hazards_found) {RISK_2023}",
    "water.risk_hazards_fixed": f"SELECT sum(hazards_rectified) {RISK_2023}",
    "water.risk_cases_filed": f"SELECT sum(n_cases_filed) {RISK_2023}",
    "water.wwtp_capacity_added": (
        "SELECT sum(capacity_added_by_expansions_t_per_day) FROM marts.fct_wastewater_plants WHERE year = 2023"
    ),
    "water.central_funds": (
        "SELECT sum(amount_yuan) FROM marts.fct_water_funds "
        "WHERE year = 2023 AND issued_on <= DATE '2023-11-30' AND fund_type = '中央水污染防治资金'"
    ),
}


def test_every_water_figure_has_a_query():
    assert {row["code"] for row in figures("water")} == set(QUERIES)


@pytest.mark.parametrize("figure", figures("water"), ids=lambda row: row["code"])
def test_water_figure_is_regenerated(warehouse, figure):
    (value,) = warehouse.execute(QUERIES[figure["code"]]).fetchone()
    assert matches(value, figure["value"], figure["qualifier"], figure["quote"]), (
        f"{figure['code']}: warehouse {value} vs report {figure['value']} ({figure['qualifier']})"
    )


def test_section_counts_come_from_the_register_not_from_evaluations_alone(warehouse):
    """The report's section counts equal the register's, so no registered section went unevaluated."""
    rows = warehouse.execute(
        "SELECT assessment_level, n_sections_in_register, n_sections_evaluated FROM marts.fct_water_quality_summary "
        "WHERE year = 2023 AND end_month = 11 AND assessment_level IN ('国考', '省考')"
    ).fetchall()
    assert rows and all(register == evaluated for _, register, evaluated in rows)


def test_period_class_is_from_period_means_not_the_worst_month(warehouse):
    """A national section with one class IV month is class III over 1–10月 (period means, §2.2)."""
    worst_month = warehouse.execute(
        "SELECT max(class_no) FROM marts.fct_water_section_monthly WHERE is_national AND year = 2023 AND month <= 10"
    ).fetchone()[0]
    period_worst = warehouse.execute(
        "SELECT max(class_no) FROM marts.fct_water_section_period WHERE is_national AND year = 2023 AND end_month = 10"
    ).fetchone()[0]
    assert worst_month > 3 >= period_worst
