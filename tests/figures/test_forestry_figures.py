"""Every forestry figure of the 2023 report, regenerated from the raw submissions (published snapshot)."""

import pytest

from dagster_project.figures import matches
from tests.figures.figure_table import figures

PERIOD_2023 = "FROM marts.fct_forestry_period WHERE year = 2023 AND end_month = 11"

QUERIES = {
    "forest.mine_projects_done": f"SELECT mine_projects_done {PERIOD_2023}",
    "forest.mine_restored_mu": f"SELECT mine_restored_mu {PERIOD_2023}",
    "forest.active_mine_restored_mu": f"SELECT active_mine_restored_mu {PERIOD_2023}",
    "forest.abandoned_mine_restoration_rate": f"SELECT abandoned_mine_restoration_rate_pct {PERIOD_2023}",
    "forest.afforestation_mu": f"SELECT afforestation_mu {PERIOD_2023}",
    "forest.tending_mu": f"SELECT tending_mu {PERIOD_2023}",
    "forest.degraded_restored_mu": f"SELECT degraded_restored_mu {PERIOD_2023}",
    "forest.coverage_rate": f"SELECT coverage_pct {PERIOD_2023}",
    "forest.growing_stock": f"SELECT growing_stock_m3 {PERIOD_2023}",
    "forest.reserve_land_ha": f"SELECT reserve_land_ha {PERIOD_2023}",
    "forest.land_use_approved_ha": f"SELECT land_use_approved_ha {PERIOD_2023}",
    "forest.protected_areas_checked": f"SELECT protected_areas_inspected {PERIOD_2023}",
    "forest.protected_area_problems_fixed": f"SELECT problems_fixed {PERIOD_2023}",
    "forest.ancient_trees_tagged": f"SELECT trees_tagged {PERIOD_2023}",
    "forest.ancient_tree_subsidy": f"SELECT tree_repair_subsidy_yuan {PERIOD_2023}",
    "forest.wildlife_species_rescued": f"SELECT wildlife_species_rescued {PERIOD_2023}",
    "forest.wildlife_animals_rescued": f"SELECT animals_rescued {PERIOD_2023}",
    "forest.wildlife_rescue_rate": f"SELECT wildlife_rescue_rate_pct {PERIOD_2023}",
    "forest.wildlife_survival_rate": f"SELECT wildlife_survival_rate_pct {PERIOD_2023}",
    "forest.alligators_released": f"SELECT alligators_released {PERIOD_2023}",
}


def test_every_forestry_figure_has_a_query():
    assert {row["code"] for row in figures("forestry")} == set(QUERIES)


@pytest.mark.parametrize("figure", figures("forestry"), ids=lambda row: row["code"])
def test_forestry_figure_is_regenerated(warehouse, figure):
    (value,) = warehouse.execute(QUERIES[figure["code"]]).fetchone()
    assert matches(value, figure["value"], figure["qualifier"], figure["quote"]), (
        f"{figure['code']}: warehouse {value} vs report {figure['value']} ({figure['qualifier']})"
    )


def test_forest_coverage_change_is_in_percentage_points(warehouse):
    change, now, before = warehouse.execute(
        f"SELECT coverage_change_pp, coverage_pct, coverage_pct_prev_year {PERIOD_2023}"
    ).fetchone()
    assert change == pytest.approx(now - before)


def test_the_disagreeing_total_row_is_reported_and_the_details_are_used(warehouse):
    (details,) = warehouse.execute(
        "SELECT sum(area_mu) FROM marts.fct_afforestation WHERE district = '鸠江区' AND report_year = 2023"
    ).fetchone()
    (total,) = warehouse.execute(
        "SELECT area FROM raw.forestry_afforestation_totals WHERE _file_identity LIKE '%鸠江区%2023%'"
    ).fetchone()
    assert total - details == pytest.approx(120)
