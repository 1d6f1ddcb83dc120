"""Provenance: explain lists the value, its formula, the mart rows and exactly the submissions behind it."""

from __future__ import annotations

import re

import pytest

from dagster_project.cli import main
from tests.pipeline import warehouse_env

pytestmark = pytest.mark.sample


def test_pm25_is_explained_by_the_hourly_exports_of_january_to_november(sample_build, capsys):
    with warehouse_env(sample_build.parent, sample_build):
        assert main(["explain", "air.pm25_mean", "--period", "2023-11"]) == 0
    output = capsys.readouterr().out
    hourly = re.findall(r"(air/hourly/\S+)\s+sheet=", output)
    expected = [
        f"air/hourly/XX市国控站点小时数据_2023{m:02d}{'_v2' if m == 3 else ''}"
        f".{'csv' if m in (5, 9) else 'xlsx'}"
        for m in range(1, 12)
    ]
    assert hourly == expected
    assert "value: 31.3" in output or "published 31.3" in output
    assert "formula:" in output and "mart rows (1)" in output
    assert re.search(r"sha256=[0-9a-f]{64}\s+batch=\S+", output)


def test_a_district_value_lists_only_that_districts_rows(sample_build, capsys):
    with warehouse_env(sample_build.parent, sample_build):
        assert main(["explain", "air.enterprises_verified", "--period", "2023-11", "--area", "镜湖区"]) == 0
    output = capsys.readouterr().out
    rows = re.findall(r"air/enforcement/\S+\s+sheet=\S+\s+rows=(\d+)", output)
    assert len(rows) == 11 and set(rows) == {"1"}


def test_an_unknown_indicator_is_refused(sample_build):
    with warehouse_env(sample_build.parent, sample_build):
        assert main(["explain", "air.nope", "--period", "2023-11"]) == 2
