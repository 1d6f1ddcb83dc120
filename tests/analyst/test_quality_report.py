"""data/quality/index.html: every suite and expectation with its result and history, nothing from a CDN."""

from __future__ import annotations

import json
import re

import pytest

from dagster_project.checks.gx_runner import Evaluation, SuiteOutcome, load_suites
from dagster_project.checks.history import HISTORY_FILE, load_history, record_evaluations
from dagster_project.checks.quality_report import render_quality_report
from dagster_project.docs_site import network_loads
from dagster_project.settings import EXPECTATIONS_DIR

SUITES = load_suites(EXPECTATIONS_DIR)


def _rows(page: str, suite: str) -> list[str]:
    section = page.split(f'<h2 id="{suite}">', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr class=\"[^\"]*\">.*?</tr>", section, flags=re.S)


@pytest.mark.sample
def test_the_report_lists_every_suite_and_expectation_with_this_runs_result(sample_build):
    page = (sample_build / "quality" / "index.html").read_text(encoding="utf-8")
    assert network_loads(page) == [] and "<script" not in page
    for suite in SUITES:
        rows = _rows(page, suite.name)
        assert len(rows) == len(suite.expectations), suite.name
        assert not any("未运行" in row for row in rows), f"{suite.name}: an expectation has no result"
    history = load_history(sample_build / "quality")
    assert len(history) == sum(len(s.expectations) for s in SUITES)
    assert len({r.run_id for r in history}) == 1


def _suite(tmp_path, expectations):
    (tmp_path / "suites").mkdir()
    (tmp_path / "suites" / "fct_demo.json").write_text(
        json.dumps(
            {
                "name": "fct_demo",
                "meta": {"asset": ["marts", "fct_demo"], "description_zh": "演示"},
                "expectations": expectations,
            }
        ),
        encoding="utf-8",
    )
    return load_suites(tmp_path / "suites")[0]


def _outcome(success: bool, unexpected: int) -> SuiteOutcome:
    outcome = SuiteOutcome(rows_checked=10)
    outcome.evaluations.append(
        Evaluation(
            "expect_column_values_to_not_be_null", {"column": "value"}, "ERROR", "", success, unexpected
        )
    )
    return outcome


def test_history_shows_each_run_and_the_latest_result(tmp_path):
    not_null = {
        "type": "expect_column_values_to_not_be_null",
        "kwargs": {"column": "value"},
        "meta": {"severity": "ERROR", "description_zh": "值不为空"},
    }
    never_run = {
        "type": "expect_column_values_to_be_unique",
        "kwargs": {"column": "code"},
        "meta": {"severity": "WARN", "description_zh": "编码唯一"},
    }
    suite = _suite(tmp_path, [not_null, never_run])
    quality = tmp_path / "quality"
    record_evaluations(quality, "run-aaaa", suite, _outcome(True, 0))
    record_evaluations(quality, "run-bbbb", suite, _outcome(False, 3))
    with (quality / HISTORY_FILE).open("a", encoding="utf-8") as handle:
        handle.write('{"run_id": "run-cut-sh')  # a crash mid-append
    page = render_quality_report(quality, tmp_path / "suites").read_text(encoding="utf-8")
    checked, unchecked = _rows(page, "fct_demo")
    assert "✗ 未通过" in checked and "failing-ERROR" in checked and "<td>3</td>" in checked
    assert checked.count('<span class="pass"') == 1  # the first run, in the history; the latest is ✗
    assert checked.count('class="fail-ERROR" title=') == 1 and "<td>1 / 2</td>" in checked
    assert "未运行" in unchecked
    assert "最近一次运行 <code>run-bbbb</code>" in page
