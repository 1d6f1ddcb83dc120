"""The 2023-11 report the refresh job writes: Chinese text in the bureau's style, a safe workbook, the kept
snapshot."""

from __future__ import annotations

import duckdb
import openpyxl
import pytest

pytestmark = pytest.mark.sample


@pytest.fixture(scope="module")
def report_dir(sample_build):
    return sample_build / "reports" / "2023-11"


def test_markdown_states_the_headline_figures_in_the_bureaus_words(report_dir, warehouse):
    text = (report_dir / "report.md").read_text(encoding="utf-8")
    pm25, change = warehouse.execute(
        "SELECT value_report, yoy_change_report FROM indicators.rpt_scorecard "
        "WHERE indicator_code = 'air.pm25_mean' AND area = '城市' AND year = 2023 AND end_month = 11"
    ).fetchone()
    assert (
        f"PM2.5平均浓度为{pm25:.1f}微克/立方米，同比{'下降' if change < 0 else '上升'}{abs(change):.1f}％"
        in text
    )
    assert "优良天数比例为83.6％，同比上升3.4个百分点" in text
    assert (
        "约占全市重点企业排放量的90％以上" in text
    )  # a lower bound phrased with 以上 from significant digits


def test_markdown_follows_the_bureaus_domain_order(report_dir):
    text = (report_dir / "report.md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")][:5]
    assert [h.split("（")[-1].rstrip("）") for h in headings] == ["大气", "水", "土壤与农村", "禁渔", "林业"]


def test_workbook_has_the_scorecard_and_a_sheet_per_domain(report_dir):
    workbook = openpyxl.load_workbook(report_dir / "report.xlsx")
    assert workbook.sheetnames == ["记分卡", "大气", "水", "土壤与农村", "禁渔", "林业"]
    scorecard = workbook["记分卡"]
    codes = {row[0] for row in scorecard.iter_rows(min_row=2, values_only=True)}
    assert "air.pm25_mean" in codes and "air.good_days_ratio" in codes


def test_the_report_keeps_the_snapshot_it_was_made_from(report_dir, sample_build):
    kept = report_dir / "warehouse.duckdb"
    with duckdb.connect(str(kept), read_only=True) as conn:
        kept_run = conn.execute("SELECT max(published_at) FROM ops.publish_log").fetchone()[0]
    with duckdb.connect(str(sample_build / "warehouse.duckdb"), read_only=True) as conn:
        assert conn.execute("SELECT max(published_at) FROM ops.publish_log").fetchone()[0] == kept_run


def test_the_sample_air_inputs_are_complete_for_the_report_period(warehouse):
    provisional = warehouse.execute(
        "SELECT indicator_code, missing_submissions FROM indicators.fct_indicator_values "
        "WHERE domain = 'air' AND year = 2023 AND end_month = 11 AND is_city AND NOT is_complete"
    ).fetchall()
    assert provisional == []


def test_targets_are_never_invented(warehouse):
    assert (
        warehouse.execute(
            "SELECT count(*) FROM indicators.rpt_scorecard "
            "WHERE target_value IS NOT NULL OR meets_target IS NOT NULL"
        ).fetchone()[0]
        == 0
    )
    assert warehouse.execute(
        "SELECT standard_limit, meets_standard FROM indicators.rpt_scorecard "
        "WHERE indicator_code = 'air.pm25_mean' "
        "AND area = '城市' AND year = 2023 AND end_month = 11"
    ).fetchone() == (35.0, True)
