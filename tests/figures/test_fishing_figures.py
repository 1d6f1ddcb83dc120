"""Every fishing-ban figure of the 2023 report, regenerated from the raw submissions and read through the
indicator layer (catalogue → fct_fishing_area_period → fct_indicator_values → rpt_scorecard), matched
by the reconciliation's rules (periods: '2023' = January to the latest month, 'cumulative' = as of the
latest month end)."""

import pytest

from dagster_project.report.catalogue import load_catalogue
from dagster_project.report.reconcile import reconcile_figure
from tests.figures.figure_table import figures

JAN_SEP_2023 = "FROM marts.fct_fishing_enforcement_monthly WHERE year = 2023 AND month <= 9"


@pytest.fixture(scope="module")
def catalogue(warehouse):
    return load_catalogue(warehouse)


def test_every_fishing_figure_has_a_catalogued_source(catalogue):
    for row in figures("fishing"):
        indicator = catalogue[row["code"]]
        assert indicator.source_mart and indicator.source_column and indicator.sources, row["code"]
        assert indicator.formula_zh and indicator.sentence_zh, row["code"]


def test_every_fishing_figure_is_fed(warehouse, catalogue):
    figure_codes = {row["code"] for row in figures("fishing")}
    catalogued = {code for code, indicator in catalogue.items() if indicator.domain == "fishing"}
    fed = {
        code
        for (code,) in warehouse.execute(
            "SELECT DISTINCT indicator_code FROM indicators.fct_indicator_values WHERE domain = ?",
            ["fishing"],
        ).fetchall()
    }
    assert figure_codes == catalogued == fed


@pytest.mark.parametrize("figure", figures("fishing"), ids=lambda row: row["code"])
def test_fishing_figure_is_regenerated(warehouse, catalogue, figure):
    outcome = reconcile_figure(warehouse, catalogue, figure)
    assert outcome.status == "match", outcome.line()


def test_angling_share_is_recomputed_from_summed_cases(warehouse):
    value, numerator, denominator = warehouse.execute(
        "SELECT value, numerator, denominator FROM indicators.fct_indicator_values "
        "WHERE indicator_code = 'fish.admin_cases_angling_share' AND area = '城市' "
        "AND year = 2023 AND end_month = 11"
    ).fetchone()
    admin_cases, angling_cases = warehouse.execute(
        "SELECT sum(admin_cases), sum(admin_angling_cases) FROM marts.fct_fishing_enforcement_monthly "
        "WHERE year = 2023 AND month <= 11"
    ).fetchone()
    assert (numerator, denominator) == (angling_cases, admin_cases)
    assert value == pytest.approx(100.0 * angling_cases / admin_cases)


def test_district_rows_add_up_to_the_city_for_monthly_flows(warehouse):
    mismatched = warehouse.execute(
        """SELECT c.indicator_code, c.end_month, c.value, sum(d.value)
           FROM indicators.fct_indicator_values AS c
           JOIN indicators.fct_indicator_values AS d
             ON d.indicator_code = c.indicator_code AND d.year = c.year AND d.end_month = c.end_month
            AND NOT d.is_city
           WHERE c.is_city AND c.year = 2023 AND c.domain = 'fishing'
             AND c.indicator_code IN ('fish.joint_patrols', 'fish.admin_cases', 'fish.fines_total',
                                      'fish.nets_removed', 'fish.enforcement_staff', 'fish.optical_devices')
           GROUP BY ALL HAVING abs(c.value - sum(d.value)) > 1e-6"""
    ).fetchall()
    assert mismatched == []


def test_joint_operation_duplicates_are_counted_once(warehouse):
    registered, cases = warehouse.execute(
        "SELECT sum(records_merged), count(*) FROM marts.fct_fishing_cases WHERE year = 2023 AND month <= 11"
    ).fetchone()
    assert registered > cases, "the sample registers some joint-operation cases in two districts"


def test_nets_in_metres_stay_out_of_the_net_count(warehouse):
    (metres,) = warehouse.execute(f"SELECT sum(nets_removed_length_m) {JAN_SEP_2023}").fetchone()
    assert metres > 0


def test_equipment_stocks_are_as_of_every_period_end(warehouse):
    """Equipment in service is counted at each period's own end, not only on the months a roster was sent."""
    months = warehouse.execute(
        "SELECT indicator_code, count(*) FROM indicators.fct_indicator_values "
        "WHERE indicator_code IN ('fish.monitoring_points', 'fish.optical_devices', 'fish.shared_radars', "
        "'fish.small_target_radars') AND area = '城市' AND year = 2023 AND value IS NOT NULL GROUP BY 1"
    ).fetchall()
    assert dict(months) == dict.fromkeys(
        ("fish.monitoring_points", "fish.optical_devices", "fish.shared_radars", "fish.small_target_radars"),
        11,
    )
