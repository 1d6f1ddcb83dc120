"""Reconciliation of the report's figures table against the sample warehouse."""

from __future__ import annotations

import csv

import pytest

from dagster_project.cli import main
from dagster_project.report.reconcile import reconcile, summary_line
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
