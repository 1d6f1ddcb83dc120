"""Every forestry figure of the 2023 report, regenerated from the raw submissions (published snapshot)
and read through the indicator layer (catalogue → fct_forestry_area_period → fct_indicator_values
→ rpt_scorecard), matched by the reconciliation's rules ('2023' = January to the latest month, 11)."""

import pytest

from dagster_project.report.catalogue import load_catalogue
from dagster_project.report.reconcile import reconcile_figure
from tests.figures.figure_table import figures

PERIOD_2023 = "FROM marts.fct_forestry_area_period WHERE area = '城市' AND year = 2023 AND end_month = 11"
CITY_PERIOD_2023 = "FROM marts.fct_forestry_period WHERE year = 2023 AND end_month = 11"
CITY_2023_11 = "FROM indicators.fct_indicator_values WHERE area = '城市' AND year = 2023 AND end_month = 11"


@pytest.fixture(scope="module")
def catalogue(warehouse):
    return load_catalogue(warehouse)


def test_every_forestry_figure_has_a_catalogued_source(catalogue):
    for row in figures("forestry"):
        indicator = catalogue[row["code"]]
        assert indicator.source_mart and indicator.source_column and indicator.sources, row["code"]
        assert indicator.formula_zh and indicator.sentence_zh, row["code"]


def test_every_forestry_figure_is_fed(warehouse, catalogue):
    figure_codes = {row["code"] for row in figures("forestry")}
    catalogued = {code for code, indicator in catalogue.items() if indicator.domain == "forestry"}
    fed = {
        code
        for (code,) in warehouse.execute(
            "SELECT DISTINCT indicator_code FROM indicators.fct_indicator_values WHERE domain = ?",
            ["forestry"],
        ).fetchall()
    }
    assert figure_codes == catalogued == fed


@pytest.mark.parametrize("figure", figures("forestry"), ids=lambda row: row["code"])
def test_forestry_figure_is_regenerated(warehouse, catalogue, figure):
    outcome = reconcile_figure(warehouse, catalogue, figure)
    assert outcome.status == "match", outcome.line()


def test_the_feed_gives_the_marts_values(warehouse, catalogue):
    """Each city value is the catalogue's source column of fct_forestry_area_period for the same period."""
    for row in figures("forestry"):
        indicator = catalogue[row["code"]]
        assert indicator.source_mart == "fct_forestry_area_period", row["code"]
        (mart_value,) = warehouse.execute(f"SELECT {indicator.source_column} {PERIOD_2023}").fetchone()
        (fed_value,) = warehouse.execute(
            f"SELECT value {CITY_2023_11} AND indicator_code = ?", [row["code"]]
        ).fetchone()
        assert fed_value == pytest.approx(mart_value), row["code"]


def test_periods_are_the_month_ends_with_data(warehouse):
    periods = warehouse.execute(
        "SELECT year, min(end_month), max(end_month), count(DISTINCT end_month) "
        "FROM indicators.fct_indicator_values WHERE domain = 'forestry' GROUP BY year ORDER BY year"
    ).fetchall()
    assert periods == [(2022, 1, 12, 12), (2023, 1, 11, 11)]


def test_rates_carry_numerator_and_denominator(warehouse):
    rows = warehouse.execute(
        f"SELECT indicator_code, value, numerator, denominator {CITY_2023_11} "
        "AND indicator_code IN ('forest.coverage_rate', 'forest.abandoned_mine_restoration_rate', "
        "'forest.wildlife_rescue_rate', 'forest.wildlife_survival_rate')"
    ).fetchall()
    assert len(rows) == 4
    for code, value, numerator, denominator in rows:
        assert value == pytest.approx(100.0 * numerator / denominator), code
    coverage = {r[0]: r[2:] for r in rows}["forest.coverage_rate"]
    assert coverage == pytest.approx(
        warehouse.execute(f"SELECT forest_area_ha, land_area_ha {PERIOD_2023}").fetchone()
    )


def test_district_rows_add_up_to_the_city_for_flows(warehouse, catalogue):
    flows = [code for code, i in catalogue.items() if i.domain == "forestry" and i.aggregation == "flow"]
    mismatched = warehouse.execute(
        """SELECT c.indicator_code, c.year, c.end_month, c.value, sum(d.value)
           FROM indicators.fct_indicator_values AS c
           JOIN indicators.fct_indicator_values AS d
             ON d.indicator_code = c.indicator_code AND d.year = c.year AND d.end_month = c.end_month
            AND NOT d.is_city
           WHERE c.is_city AND c.indicator_code IN (SELECT unnest(?))
           GROUP BY ALL
           HAVING abs(c.value - sum(d.value)) > 1e-6""",
        [flows],
    ).fetchall()
    assert mismatched == []


def test_forest_coverage_change_is_in_percentage_points(warehouse):
    change, now, before = warehouse.execute(
        f"SELECT coverage_change_pp, coverage_pct, coverage_pct_prev_year {CITY_PERIOD_2023}"
    ).fetchone()
    assert change == pytest.approx(now - before)
    yoy_kind, yoy, value_report = warehouse.execute(
        "SELECT yoy_kind, yoy_change, value_report FROM indicators.rpt_scorecard "
        "WHERE indicator_code = 'forest.coverage_rate' AND area = '城市' AND year = 2023 AND end_month = 11"
    ).fetchone()
    (last_year,) = warehouse.execute(
        "SELECT value_report FROM indicators.rpt_scorecard "
        "WHERE indicator_code = 'forest.coverage_rate' AND area = '城市' AND year = 2022 AND end_month = 11"
    ).fetchone()
    assert yoy_kind == "pp" and yoy == pytest.approx(value_report - last_year)


def test_the_disagreeing_total_row_is_reported_and_the_details_are_used(warehouse):
    (details,) = warehouse.execute(
        "SELECT sum(area_mu) FROM marts.fct_afforestation WHERE district = '鸠江区' AND report_year = 2023"
    ).fetchone()
    (total,) = warehouse.execute(
        "SELECT area FROM raw.forestry_afforestation_totals WHERE _file_identity LIKE '%鸠江区%2023%'"
    ).fetchone()
    assert total - details == pytest.approx(120)
