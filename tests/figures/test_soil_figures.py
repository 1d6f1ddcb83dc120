"""Every soil figure of the 2023 report, regenerated from the raw submissions in the published warehouse."""

import pytest

from dagster_project.figures import matches
from tests.figures.figure_table import figures

CITY_2023_11 = "FROM marts.fct_soil_city_period WHERE year = 2023 AND end_month = 11"

QUERIES = {
    "soil.plots_surveyed": f"SELECT plots_surveyed {CITY_2023_11}",
    "soil.rural_sewage_facilities_checked": f"SELECT sewage_facilities_newly_inspected {CITY_2023_11}",
    "soil.villages_sewage_done": f"SELECT villages_sewage_done_in_period {CITY_2023_11}",
    "soil.rural_sewage_treatment_rate": f"SELECT sewage_treatment_rate {CITY_2023_11}",
    "soil.rural_black_odorous_done": f"SELECT water_bodies_treated_in_period {CITY_2023_11}",
    "soil.rural_black_odorous_elimination_rate": f"SELECT black_odorous_elimination_rate {CITY_2023_11}",
    "soil.livestock_farms_applied": f"SELECT subsidy_farms_applied {CITY_2023_11}",
    "soil.livestock_subsidy": f"SELECT subsidy_yuan {CITY_2023_11}",
    "soil.manure_utilization_rate": f"SELECT manure_utilisation_rate {CITY_2023_11}",
    "soil.scale_farm_equipment_rate": f"SELECT scale_farm_equipment_rate {CITY_2023_11}",
    "soil.hazwaste_trainees": f"SELECT hazwaste_trainees {CITY_2023_11}",
    "soil.hazwaste_enterprises_checked": f"SELECT hazwaste_enterprises_checked {CITY_2023_11}",
    "soil.hazwaste_problems_found": f"SELECT hazwaste_problems_found {CITY_2023_11}",
    "soil.rural_inspections": f"SELECT rural_unannounced_inspections {CITY_2023_11}",
    "soil.rural_reward_funds": f"SELECT rural_reward_funds_yuan {CITY_2023_11}",
    "soil.fertilizer_demo_sites_min": f"SELECT demo_sites_min_county {CITY_2023_11}",
    "soil.hazwaste_cases": f"SELECT hazwaste_cases {CITY_2023_11}",
}


def test_every_soil_figure_has_a_query():
    assert {row["code"] for row in figures("soil")} == set(QUERIES)


@pytest.mark.parametrize("figure", figures("soil"), ids=lambda row: row["code"])
def test_soil_figure_is_regenerated(warehouse, figure):
    (value,) = warehouse.execute(QUERIES[figure["code"]]).fetchone()
    assert matches(value, figure["value"], figure["qualifier"], figure["quote"]), (
        f"{figure['code']}: warehouse {value} vs report {figure['value']} ({figure['qualifier']})"
    )


def test_rates_are_stored_with_their_counts(warehouse):
    row = warehouse.execute(
        f"SELECT villages_sewage_done, villages_total, sewage_treatment_rate, "
        f"water_bodies_eliminated, water_bodies_listed, black_odorous_elimination_rate {CITY_2023_11}"
    ).fetchone()
    assert row[2] == pytest.approx(100 * row[0] / row[1])
    assert row[5] == pytest.approx(100 * row[3] / row[4])


def test_personal_data_never_reaches_staging_or_marts(warehouse):
    personal = {"owner_name", "owner_phone", "legal_representative"}
    columns = {
        name
        for (name,) in warehouse.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema IN ('staging', 'intermediate', 'marts') "
            "AND (table_name LIKE '%soil%' OR table_name LIKE 'fct_rural%' "
            "OR table_name IN ('fct_livestock_manure', 'fct_hazardous_waste_inspections'))"
        ).fetchall()
    }
    assert {"farm_code", "case_no", "enterprise_code"} <= columns
    assert not columns & personal
