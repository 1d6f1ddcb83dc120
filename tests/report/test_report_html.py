"""report.html in real headless Chromium: no script errors, and every chart holds one mark per month,
day or district that the warehouse has."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.sample

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        message = "chromium is not installed (Debian package `chromium`; .ci/run installs it)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def rendered_dom(sample_build, tmp_path_factory) -> str:
    report = sample_build / "reports" / "2023-11" / "report.html"
    assert report.exists(), "the refresh job should have written the 2023-11 report"
    profile = tmp_path_factory.mktemp("chromium-profile")
    result = subprocess.run(
        [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", report.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def _attribute(dom: str, tag_pattern: str, name: str) -> str:
    tag = re.search(tag_pattern, dom)
    assert tag, f"no element matching {tag_pattern}"
    value = re.search(rf'{name}="([^"]*)"', tag.group(0))
    assert value, f"{name} missing on {tag.group(0)}"
    return value.group(1)


def _points(dom: str, chart_id: str) -> int:
    return int(_attribute(dom, rf'<figure[^>]*data-chart="{chart_id}"[^>]*>', "data-points"))


def test_the_page_renders_without_script_errors(rendered_dom):
    assert _attribute(rendered_dom, r"<body[^>]*>", "data-rendered") == "yes"
    assert _attribute(rendered_dom, r"<body[^>]*>", "data-errors") == "0", _attribute(
        rendered_dom, r"<body[^>]*>", "data-error-messages"
    )


def test_monthly_charts_hold_every_month_of_the_warehouse(rendered_dom, warehouse):
    months = warehouse.execute(
        "SELECT count(*) FROM marts.fct_air_quality_period WHERE period_kind = 'month' AND year = 2023 "
        "AND is_published_basis "
        "AND end_month <= 11 AND pm25_mean IS NOT NULL"
    ).fetchone()[0]
    assert months == 11
    assert _points(rendered_dom, "pm25_by_month") == months
    assert _points(rendered_dom, "good_days_by_month") == months


def test_calendar_holds_every_day(rendered_dom, warehouse):
    days = warehouse.execute(
        "SELECT count(*) FROM marts.fct_air_quality_daily "
        "WHERE obs_date BETWEEN '2023-01-01' AND '2023-11-30'"
    ).fetchone()[0]
    assert _points(rendered_dom, "aqi_calendar") == days == 334


@pytest.mark.parametrize(
    ("chart_id", "code"), [("district_pm25", "air.pm25_mean"), ("district_good_days", "air.good_days_ratio")]
)
def test_district_comparisons_hold_every_district_with_a_value(rendered_dom, warehouse, chart_id, code):
    districts = warehouse.execute(
        "SELECT count(*) FROM indicators.fct_indicator_values WHERE indicator_code = ? AND year = 2023 "
        "AND end_month = 11 AND NOT is_city AND value IS NOT NULL",
        [code],
    ).fetchone()[0]
    assert districts > 1
    assert _points(rendered_dom, chart_id) == districts


def test_a_chart_whose_mart_is_absent_is_left_out(rendered_dom, warehouse):
    has_water = warehouse.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'fct_water_section_period'"
    ).fetchone()[0]
    assert ('data-chart="water_sections"' in rendered_dom) == bool(has_water)


def test_the_page_needs_no_network(sample_build):
    page = (sample_build / "reports" / "2023-11" / "report.html").read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', page)
