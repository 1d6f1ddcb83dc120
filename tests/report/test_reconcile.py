"""Reconciliation of the report's figures table against the sample warehouse."""

from __future__ import annotations

import csv
from dataclasses import replace

import duckdb
import pytest

from dagster_project.cli import main
from dagster_project.report.catalogue import Indicator
from dagster_project.report.reconcile import reconcile, reconcile_figure, summary_line
from tests.figures.figure_table import FIGURES_CSV
from tests.pipeline import warehouse_env

pytestmark = pytest.mark.sample


@pytest.fixture(scope="module")
def outcomes(sample_build):
    return reconcile(sample_build / "warehouse.duckdb", FIGURES_CSV)


def test_every_figure_with_a_feed_matches(outcomes):
    computed = [o for o in outcomes if o.status != "not computed"]
    assert [o.line() for o in computed if o.status != "match"] == []
    assert not [o for o in outcomes if o.status == "unknown indicator"], "the catalogue must cover every code"


def test_coverage(outcomes):
    covered = {o.code.split(".")[0] for o in outcomes if o.status == "match"}
    print(f"reconciled on the sample: {summary_line(outcomes)}")
    assert sum(o.code.startswith("air.") and o.status == "match" for o in outcomes) == 15
    assert "air" in covered


def test_a_changed_figure_is_reported_as_exactly_that_mismatch(sample_build, tmp_path, capsys):
    with FIGURES_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    changed = next(r for r in rows if r["code"] == "air.vehicles_blacklisted")
    changed["value"] = str(int(changed["value"]) + 1)
    draft = tmp_path / "draft.csv"
    with draft.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)

    with warehouse_env(sample_build.parent, sample_build):
        exit_code = main(["reconcile", str(draft)])
    output = capsys.readouterr().out
    mismatches = [line for line in output.splitlines() if line.startswith("mismatch")]
    assert exit_code == 1
    assert len(mismatches) == 1
    assert "air.vehicles_blacklisted" in mismatches[0]
    assert f"stated {changed['value']}" in mismatches[0] and "warehouse 1652" in mismatches[0]


def test_a_wrong_stated_change_is_a_mismatch(sample_build, tmp_path):
    with FIGURES_CSV.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["code"] == "air.good_days_ratio"]
    rows[0]["compare"] = "yoy_pct=+3.4"  # a 百分点 change stated as %
    draft = tmp_path / "draft.csv"
    with draft.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    [outcome] = reconcile(sample_build / "warehouse.duckdb", draft)
    assert outcome.status == "mismatch"


def test_an_unknown_code_is_reported(sample_build, tmp_path):
    draft = tmp_path / "draft.csv"
    draft.write_text(
        "domain,code,name_zh,name_en,value,unit,period,qualifier,compare,quote\n"
        "air,air.not_a_code,x,x,1,个,2023,exact,,x\n",
        encoding="utf-8",
    )
    [outcome] = reconcile(sample_build / "warehouse.duckdb", draft)
    assert outcome.status == "unknown indicator"


INDICATOR = Indicator(
    code="t.rate",
    name_zh="测试比例",
    domain="air",
    report_order=1,
    unit="%",
    unit_zh="%",
    kind="rate",
    aggregation="ratio",
    direction="higher",
    yoy_kind="pp",
    decimals=1,
    significant_digits=None,
    phrasing="exact",
    source_mart=None,
    source_column=None,
    sources=(),
    formula_zh=None,
    sentence_zh=None,
)
CATALOGUE = {
    "t.rate": INDICATOR,
    "t.partial": replace(INDICATOR, code="t.partial"),
    "t.survival": replace(INDICATOR, code="t.survival", decimals=0, phrasing="以上", significant_digits=1),
    "t.patrols": replace(INDICATOR, code="t.patrols", decimals=0, phrasing="余", significant_digits=1),
    "t.km": replace(INDICATOR, code="t.km", decimals=0, phrasing="约"),
}


@pytest.fixture
def scorecard():
    """A warehouse with only what reconcile reads: rpt_scorecard and the missing submissions."""
    conn = duckdb.connect()
    conn.execute("CREATE SCHEMA indicators")
    conn.execute(
        "CREATE TABLE indicators.rpt_scorecard (indicator_code VARCHAR, area VARCHAR, year INTEGER, "
        "end_month INTEGER, value DOUBLE, value_report DOUBLE, yoy_change DOUBLE, yoy_change_report DOUBLE, "
        "yoy_kind VARCHAR, is_complete BOOLEAN)"
    )
    conn.execute(
        "CREATE TABLE indicators.fct_indicator_values AS SELECT indicator_code, area, year, end_month, "
        "cast(NULL AS VARCHAR) AS missing_submissions FROM indicators.rpt_scorecard"
    )
    rows = [
        ("t.rate", 83.65, 83.6, 3.45, 3.4, "pp", True, None),
        ("t.partial", 41.26, 41.3, None, None, "pp", False, "air_hourly:城市:2023-11"),
        ("t.survival", 88.4, 88.0, None, None, "pp", True, None),
        ("t.patrols", 523.0, 523.0, None, None, "pct", True, None),
        ("t.km", 243.4, 243.0, None, None, "pct", True, None),
    ]
    for code, value, report, change, change_report, kind, complete, missing in rows:
        conn.execute(
            "INSERT INTO indicators.rpt_scorecard VALUES (?, '城市', 2023, 11, ?, ?, ?, ?, ?, ?)",
            [code, value, report, change, change_report, kind, complete],
        )
        conn.execute(
            "INSERT INTO indicators.fct_indicator_values VALUES (?, '城市', 2023, 11, ?)", [code, missing]
        )
    yield conn
    conn.close()


def _figure(code, value, qualifier="exact", compare="", quote=""):
    return {
        "code": code,
        "period": "2023-01..2023-11",
        "value": value,
        "qualifier": qualifier,
        "compare": compare,
        "quote": quote,
    }


def test_a_tie_is_judged_by_gbt8170_on_the_published_value(scorecard):
    """83.65 is published as 83.6 (half to even): a draft's 83.6 matches, its 83.7 does not."""
    same = reconcile_figure(scorecard, CATALOGUE, _figure("t.rate", "83.6", compare="yoy_pp=+3.4"))
    other = reconcile_figure(scorecard, CATALOGUE, _figure("t.rate", "83.7"))
    assert (same.verdict, other.verdict) == ("match", "mismatch")
    assert (
        "stated 83.6, warehouse 83.6 (unrounded 83.65); 同比 stated yoy_pp=+3.4, warehouse +3.4"
        in same.line()
    )


def test_a_provisional_value_is_said_to_be_provisional(scorecard):
    outcome = reconcile_figure(scorecard, CATALOGUE, _figure("t.partial", "41.3"))
    assert outcome.verdict == "match (暂定 provisional)"
    assert outcome.line().endswith("暂定: 缺报 air_hourly:城市:2023-11")


def test_a_lower_bound_is_said_to_be_one_with_the_range_it_claims(scorecard):
    at_least = reconcile_figure(
        scorecard, CATALOGUE, _figure("t.survival", "85", "lower_bound", quote="救护成活率达到85％以上")
    )
    below_next = reconcile_figure(
        scorecard, CATALOGUE, _figure("t.patrols", "500", "lower_bound", quote="巡查500余次")
    )
    assert at_least.verdict == below_next.verdict == "match (下限 lower bound)"
    assert "stated 85以上 → [85, ∞), warehouse 88 (unrounded 88.4)" in at_least.line()
    assert below_next.line().endswith("stated 500余 → [500, 600), warehouse 523")


def test_an_approximate_figure_is_said_to_be_approximate(scorecard):
    outcome = reconcile_figure(scorecard, CATALOGUE, _figure("t.km", "243", "approx", quote="新建约243公里"))
    assert outcome.verdict == "match (约 approximate)"
    assert "stated 约243, warehouse 243 (unrounded 243.4)" in outcome.line()


def test_the_summary_counts_the_qualified_matches(scorecard):
    outcomes = [
        reconcile_figure(scorecard, CATALOGUE, _figure("t.partial", "41.3")),
        reconcile_figure(
            scorecard, CATALOGUE, _figure("t.patrols", "500", "lower_bound", quote="巡查500余次")
        ),
        reconcile_figure(scorecard, CATALOGUE, _figure("t.rate", "83.7")),
    ]
    assert summary_line(outcomes) == (
        "2 of 3 matched (1 mismatched, 0 not computed yet, 0 unknown indicators); "
        "of the matches 0 approximate, 1 lower bounds, 1 provisional"
    )
