"""Every soil figure of the 2023 report, regenerated from the raw submissions and read through the indicator
layer (catalogue → fct_indicator_values → rpt_scorecard), matched by the reconciliation's rules."""

import pytest

from dagster_project.report.catalogue import load_catalogue
from dagster_project.report.reconcile import reconcile_figure
from tests.figures.figure_table import figures

CITY_2023_11 = "FROM marts.fct_soil_city_period WHERE year = 2023 AND end_month = 11"


@pytest.fixture(scope="module")
def catalogue(warehouse):
    return load_catalogue(warehouse)


def test_every_soil_figure_has_a_catalogued_source(catalogue):
    for row in figures("soil"):
        indicator = catalogue[row["code"]]
        assert indicator.source_mart and indicator.source_column and indicator.sources, row["code"]


@pytest.mark.parametrize("figure", figures("soil"), ids=lambda row: row["code"])
def test_soil_figure_is_regenerated(warehouse, catalogue, figure):
    outcome = reconcile_figure(warehouse, catalogue, figure)
    assert outcome.status == "match", outcome.line()


def test_feed_values_are_the_catalogued_mart_columns(warehouse, catalogue):
    """The feed's city value for 2023-01..11 is the mart column the catalogue names (what `explain` shows)."""
    for row in figures("soil"):
        indicator = catalogue[row["code"]]
        (mart_value,) = warehouse.execute(
            f"SELECT {indicator.source_column} FROM marts.{indicator.source_mart} "
            "WHERE area = '城市' AND year = 2023 AND end_month = 11"
        ).fetchone()
        (feed_value,) = warehouse.execute(
            "SELECT value FROM indicators.fct_indicator_values "
            "WHERE indicator_code = ? AND area = '城市' AND year = 2023 AND end_month = 11",
            [row["code"]],
        ).fetchone()
        assert feed_value == pytest.approx(mart_value), row["code"]


def test_rates_are_stored_with_their_counts(warehouse):
    row = warehouse.execute(
        f"SELECT villages_sewage_done, villages_total, sewage_treatment_rate, "
        f"water_bodies_eliminated, water_bodies_listed, black_odorous_elimination_rate {CITY_2023_11}"
    ).fetchone()
    assert row[2] == pytest.approx(100 * row[0] / row[1])
    assert row[5] == pytest.approx(100 * row[3] / row[4])
    rates = warehouse.execute(
        "SELECT indicator_code, area, value, numerator, denominator FROM indicators.fct_indicator_values "
        "WHERE domain = 'soil' AND indicator_code IN ('soil.rural_sewage_treatment_rate', "
        "'soil.rural_black_odorous_elimination_rate', 'soil.manure_utilization_rate', "
        "'soil.scale_farm_equipment_rate')"
    ).fetchall()
    assert rates
    for code, area, value, numerator, denominator in rates:
        assert denominator > 0 and value == pytest.approx(100 * numerator / denominator), (code, area)


def test_city_counts_are_the_sum_of_districts(warehouse):
    """District rows add up to the city row for the flows the district marts hold (plots by the plot's
    district)."""
    mismatches = warehouse.execute(
        """SELECT c.indicator_code, c.year, c.end_month, c.value, sum(d.value)
           FROM indicators.fct_indicator_values AS c
           JOIN indicators.fct_indicator_values AS d
             ON d.indicator_code = c.indicator_code AND d.year = c.year AND d.end_month = c.end_month
            AND d.area <> '城市'
           WHERE c.domain = 'soil' AND c.area = '城市' AND c.numerator IS NULL
             AND c.indicator_code <> 'soil.fertilizer_demo_sites_min'
           GROUP BY ALL
           HAVING abs(c.value - sum(d.value)) > 1e-6"""
    ).fetchall()
    assert mismatches == []


def test_last_year_is_there_for_the_yoy(warehouse):
    (n,) = warehouse.execute(
        "SELECT count(*) FROM indicators.rpt_scorecard WHERE indicator_code LIKE 'soil.%' AND area = '城市' "
        "AND year = 2023 AND end_month = 11 AND value_last_year_report IS NOT NULL"
    ).fetchone()
    assert n == len(figures("soil"))


def test_personal_data_never_reaches_staging_or_marts(build_warehouse):
    personal = {"owner_name", "owner_phone", "legal_representative"}
    columns = {
        name
        for (name,) in build_warehouse.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema IN ('staging', 'intermediate', 'marts') "
            "AND (table_name LIKE '%soil%' OR table_name LIKE 'fct_rural%' "
            "OR table_name IN ('fct_livestock_manure', 'fct_hazardous_waste_inspections'))"
        ).fetchall()
    }
    assert {"farm_code", "case_no", "enterprise_code"} <= columns
    assert not columns & personal
