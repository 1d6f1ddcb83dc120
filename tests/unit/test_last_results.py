"""A suite's last results are reported again only for the suite as it was when it ran."""

from dataclasses import replace

from dagster_project.checks.gx_runner import load_suites
from dagster_project.checks.history import last_results, save_last_results
from dagster_project.settings import EXPECTATIONS_DIR

RESULTS = {
    "ERROR": {"passed": True, "metadata": {"rows_checked": 3, "failures": []}},
    "WARN": {"passed": False, "metadata": {"rows_checked": 3, "failures": [{"expectation": "x"}]}},
}


def _suite():
    return next(suite for suite in load_suites(EXPECTATIONS_DIR) if suite.severities == ["ERROR", "WARN"])


def test_the_last_results_of_the_same_suite_are_found(tmp_path):
    suite = _suite()
    assert last_results(tmp_path, suite) is None
    save_last_results(tmp_path, "run-1", suite, RESULTS)
    save_last_results(tmp_path, "run-2", suite, RESULTS)
    assert last_results(tmp_path, suite) == ("run-2", RESULTS)


def test_an_edited_suite_is_validated_again(tmp_path):
    suite = _suite()
    save_last_results(tmp_path, "run-1", suite, RESULTS)
    edited = replace(suite, expectations=suite.expectations[:-1])
    other_query = replace(suite, batch_query=suite.batch_query + " WHERE false")
    assert last_results(tmp_path, edited) is None
    assert last_results(tmp_path, other_query) is None
