"""report.html in real headless Chromium: ECharts draws every chart without script errors, each with its
legend, round ticks on its value axis, every category label on its category axis (all 8 districts of the
districts seed, the ones without a station marked 无监测站), and one mark per month, day, district or
section that the warehouse has."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dagster_project.report.html import STATIC

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
ECHARTS = STATIC / "echarts.min.js"
# ECharts' nice tick steps: 1, 2, 3 or 5 times a power of ten
ROUND_STEP_MANTISSAS = {Decimal(1), Decimal(2), Decimal(3), Decimal(5)}


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        message = "chromium is not installed (Debian package `chromium`; .ci/run installs it)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


class _Figures(HTMLParser):
    """Each chart <figure>: its attributes and the text of the SVG <text> elements ECharts drew in it."""

    def __init__(self):
        super().__init__()
        self.figures: dict[str, dict] = {}
        self.body: dict[str, str] = {}
        self._current: dict | None = None
        self._in_text = False
        self._in_note = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "body" and not self.body:
            self.body = attributes
        elif tag == "figure" and "data-chart" in attributes:
            self._current = {"attributes": attributes, "texts": [], "notes": ""}
            self.figures[attributes["data-chart"]] = self._current
        elif tag == "text" and self._current is not None:
            self._in_text = True
        elif tag == "p" and self._current is not None and attributes.get("class") == "chart-note":
            self._in_note = True

    def handle_endtag(self, tag):
        if tag == "figure":
            self._current = None
        elif tag == "text":
            self._in_text = False
        elif tag == "p":
            self._in_note = False

    def handle_data(self, data):
        if self._current is None:
            return
        if self._in_text:
            self._current["texts"].append(data.strip())
        elif self._in_note:
            self._current["notes"] += data


@pytest.fixture(scope="module")
def report_path(sample_build) -> Path:
    report = sample_build / "reports" / "2023-11" / "report.html"
    assert report.exists(), "the refresh job should have written the 2023-11 report"
    return report


@pytest.fixture(scope="module")
def page(report_path, tmp_path_factory) -> _Figures:
    profile = tmp_path_factory.mktemp("chromium-profile")
    result = subprocess.run(
        [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", report_path.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    parsed = _Figures()
    parsed.feed(result.stdout)
    return parsed


def _labels(page: _Figures, chart_id: str, kind: str) -> list[str]:
    assert chart_id in page.figures, f"no chart {chart_id} on the page"
    value = page.figures[chart_id]["attributes"].get(f"data-{kind}")
    assert value is not None, f"{chart_id}: the script recorded no data-{kind}"
    return value.split("|") if value else []


def _drawn_texts(page: _Figures, chart_id: str) -> set[str]:
    return set(page.figures[chart_id]["texts"])


def _assert_round_ticks(ticks: list[str], chart_id: str) -> None:
    values = [Decimal(t) for t in ticks]
    assert len(values) >= 3, f"{chart_id}: too few ticks {ticks}"
    step = values[1] - values[0]
    assert all(b - a == step for a, b in zip(values, values[1:], strict=False)), f"{chart_id}: uneven {ticks}"
    mantissa = step.scaleb(-step.adjusted())
    assert mantissa.normalize() in ROUND_STEP_MANTISSAS, f"{chart_id}: ticks {ticks} are not round"
    assert all((v % step) == 0 for v in values), f"{chart_id}: ticks {ticks} are off the step"


def test_the_page_renders_without_script_errors(page):
    assert page.body.get("data-rendered") == "yes"
    assert page.body.get("data-errors") == "0", page.body.get("data-error-messages")


@pytest.mark.parametrize(
    "chart_id", ["pm25_by_month", "good_days_by_month", "district_pm25", "district_good_days"]
)
def test_value_axes_have_round_ticks_that_are_drawn(page, chart_id):
    ticks = _labels(page, chart_id, "value-ticks")
    _assert_round_ticks(ticks, chart_id)
    assert set(ticks) <= _drawn_texts(page, chart_id)


def test_every_chart_has_a_legend_that_is_drawn(page):
    for chart_id in page.figures:
        legend = _labels(page, chart_id, "legend")
        assert legend, f"{chart_id} has no legend"
        assert set(legend) <= _drawn_texts(page, chart_id), f"{chart_id}: legend {legend} not drawn"


def test_monthly_charts_compare_every_month_with_last_year(page, warehouse):
    months = warehouse.execute(
        "SELECT count(*) FROM marts.fct_air_quality_period WHERE period_kind = 'month' "
        "AND year IN (2022, 2023) "
        "AND is_published_basis AND end_month <= 11 AND pm25_mean IS NOT NULL"
    ).fetchone()[0]
    assert months == 22
    for chart_id in ("pm25_by_month", "good_days_by_month"):
        assert _labels(page, chart_id, "legend") == ["2023年", "2022年"]
        assert _labels(page, chart_id, "category-labels") == [f"{m}月" for m in range(1, 12)]
        assert int(page.figures[chart_id]["attributes"]["data-points"]) == months


def test_calendar_colours_every_day_with_an_aqi_by_its_category(page, warehouse):
    with_aqi, without_aqi = warehouse.execute(
        "SELECT count(aqi), count(*) - count(aqi) FROM marts.fct_air_quality_daily "
        "WHERE obs_date BETWEEN '2023-01-01' AND '2023-11-30'"
    ).fetchone()
    assert with_aqi + without_aqi == 334
    assert int(page.figures["aqi_calendar"]["attributes"]["data-points"]) == with_aqi
    categories = [r[0] for r in warehouse.execute(
        "SELECT category FROM reference.aqi_categories WHERE ruleset = '2012' ORDER BY aqi_lo"
    ).fetchall()]  # fmt: skip
    assert _labels(page, "aqi_calendar", "legend") == categories
    assert f"灰色为无有效 AQI 的日（{without_aqi} 天）。" in page.figures["aqi_calendar"]["notes"]


@pytest.mark.parametrize(
    ("chart_id", "code"), [("district_pm25", "air.pm25_mean"), ("district_good_days", "air.good_days_ratio")]
)
def test_district_charts_show_all_eight_districts(page, warehouse, chart_id, code):
    districts = [r[0] for r in warehouse.execute("SELECT district_name FROM reference.districts").fetchall()]
    assert len(districts) == 8
    with_value = {
        r[0]
        for r in warehouse.execute(
            "SELECT area FROM indicators.rpt_scorecard WHERE indicator_code = ? AND year = 2023 "
            "AND end_month = 11 AND area <> '城市' AND value_report IS NOT NULL",
            [code],
        ).fetchall()
    }
    with_station = {
        r[0]
        for r in warehouse.execute(
            "SELECT DISTINCT district FROM marts.fct_air_quality_station_period WHERE year = 2023"
        ).fetchall()
    }
    labels = _labels(page, chart_id, "category-labels")
    assert len(labels) == 8
    assert set(labels) <= _drawn_texts(page, chart_id)
    expected = {
        d if d in with_value else f"{d}（{'无监测站' if d not in with_station else '无有效数据'}）"
        for d in districts
    }
    assert set(labels) == expected
    assert any(
        label.endswith("（无监测站）") for label in labels
    )  # the sample has districts without a station
    assert int(page.figures[chart_id]["attributes"]["data-points"]) == len(with_value)


def test_water_chart_names_every_section_and_class(page, warehouse):
    sections = {
        r[0]
        for r in warehouse.execute(
            "SELECT section_name FROM marts.fct_water_section_period WHERE year = 2023 AND end_month = 11 "
            "AND class_no IS NOT NULL"
        ).fetchall()
    }
    labels = _labels(page, "water_sections", "category-labels")
    assert len(labels) == len(sections) == 24 and set(labels) == sections
    classes = [r[0] + "类" for r in warehouse.execute(
        "SELECT class_label FROM reference.water_quality_classes ORDER BY class_no"
    ).fetchall()]  # fmt: skip
    assert [t for t in _labels(page, "water_sections", "value-ticks") if t] == classes
    assert set(classes) <= _drawn_texts(page, "water_sections")  # 劣Ⅴ类 is drawn, not clipped away


def test_the_page_needs_no_network_and_carries_the_chart_library(report_path):
    page = report_path.read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert ECHARTS.read_text(encoding="utf-8") in page


def test_chart_labels_print_the_published_values(report_path, warehouse):
    html = report_path.read_text(encoding="utf-8")
    payload = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S).group(
        1
    )
    charts = {chart["id"]: chart for chart in json.loads(payload.replace("<\\/", "</"))["charts"]}
    published = warehouse.execute(
        "SELECT end_month, pm25_mean_report FROM marts.fct_air_quality_period WHERE period_kind = 'month' "
        "AND is_published_basis AND year = 2023 AND end_month <= 11 ORDER BY end_month"
    ).fetchall()
    labels = [point["label"]["formatter"] for point in charts["pm25_by_month"]["option"]["series"][0]["data"]]
    # at the catalogue's one decimal, trailing zero kept (a published 50.0 is not printed 50)
    assert labels == [format(value, ".1f") for _, value in published]
