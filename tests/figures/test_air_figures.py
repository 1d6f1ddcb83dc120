"""Every air figure of the 2023 report, regenerated from the raw submissions and read through the indicator
layer (catalogue → fct_indicator_values → rpt_scorecard), matched by the reconciliation's rules."""

import pytest

from dagster_project.report.catalogue import load_catalogue
from dagster_project.report.reconcile import reconcile_figure
from tests.figures.figure_table import figures


@pytest.fixture(scope="module")
def catalogue(warehouse):
    return load_catalogue(warehouse)


def test_every_air_figure_has_a_catalogued_source(catalogue):
    for row in figures("air"):
        indicator = catalogue[row["code"]]
        assert indicator.source_mart and indicator.source_column and indicator.sources, row["code"]


@pytest.mark.parametrize("figure", figures("air"), ids=lambda row: row["code"])
def test_air_figure_is_regenerated(warehouse, catalogue, figure):
    outcome = reconcile_figure(warehouse, catalogue, figure)
    assert outcome.status == "match", outcome.line()
