"""Every air figure of the 2023 report, regenerated from the raw submissions in the published warehouse."""

import pytest

from dagster_project.figures import compare_matches, matches
from tests.figures.figure_table import figures

YTD_2023_11 = "FROM marts.fct_air_quality_period WHERE period_kind = 'ytd' AND year = 2023 AND end_month = 11"
ENFORCEMENT_2023 = "FROM marts.fct_air_enforcement WHERE year = 2023 AND month <= 11"
AS_OF_2023_11 = "FROM marts.fct_air_enforcement WHERE year = 2023 AND month = 11"
KEY_ENTERPRISES_2023 = "FROM marts.fct_key_enterprise_emissions WHERE year = 2023"

QUERIES = {
    "air.pm25_mean": f"SELECT pm25_mean, pm25_yoy_pct {YTD_2023_11}",
    "air.good_days_ratio": f"SELECT good_day_ratio, good_day_ratio_yoy_pp {YTD_2023_11}",
    "air.enterprises_verified": f"SELECT sum(enterprises_verified_month) {ENFORCEMENT_2023}",
    "air.inspection_staff_times": f"SELECT sum(inspection_staff_times_month) {ENFORCEMENT_2023}",
    "air.inspection_enterprises": f"SELECT sum(inspection_enterprises_month) {ENFORCEMENT_2023}",
    "air.cement_lines_compliant": f"SELECT sum(cement_lines_compliant) {AS_OF_2023_11}",
    "air.vocs_projects_done": f"SELECT sum(vocs_projects_done_month) {ENFORCEMENT_2023}",
    "air.old_diesel_trucks_retired": f"SELECT sum(diesel_trucks_retired_month) {ENFORCEMENT_2023}",
    "air.nonroad_machinery_registered": f"SELECT sum(nonroad_machinery_registered_cumulative) {AS_OF_2023_11}",
    "air.vehicles_over_limit_punished": f"SELECT sum(vehicles_punished_cumulative) {AS_OF_2023_11}",
    "air.diesel_remote_monitors": f"SELECT sum(remote_monitors_installed_month) {ENFORCEMENT_2023}",
    "air.vehicles_blacklisted": f"SELECT sum(vehicles_blacklisted_month) {ENFORCEMENT_2023}",
    "air.vehicles_exposed": f"SELECT sum(vehicles_exposed_month) {ENFORCEMENT_2023}",
    "air.key_enterprises_online": f"SELECT sum(n_online_monitoring) {KEY_ENTERPRISES_2023}",
    "air.heavy_industry_emission_share": f"SELECT max(year_heavy_industry_share_pct) {KEY_ENTERPRISES_2023}",
}


def test_every_air_figure_has_a_query():
    assert {row["code"] for row in figures("air")} == set(QUERIES)


@pytest.mark.parametrize("figure", figures("air"), ids=lambda row: row["code"])
def test_air_figure_is_regenerated(warehouse, figure):
    value, *change = warehouse.execute(QUERIES[figure["code"]]).fetchone()
    assert matches(value, figure["value"], figure["qualifier"], figure["quote"]), (
        f"{figure['code']}: warehouse {value} vs report {figure['value']} ({figure['qualifier']})"
    )
    if figure["compare"]:
        assert compare_matches(change[0], figure["compare"]), f"{figure['code']}: 同比 {change[0]} vs {figure['compare']}"
