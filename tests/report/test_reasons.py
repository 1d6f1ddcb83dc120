"""暂定 reasons in words, from fct_indicator_values.missing_submissions (`source:unit:YYYY-MM; …`)."""

from __future__ import annotations

import pytest

from dagster_project.report.reasons import Form, missing_in_words, month_runs, parse_missing

FORMS = {
    "air_enforcement": Form("大气污染防治执法工作月报表", "monthly"),
    "air_hourly": Form("国控站点环境空气质量小时数据", "monthly"),
    "soil_scale_farms": Form("规模养殖场台账", "yearly"),
    "fishing_rosters": Form("禁捕护渔力量统计表", "on_change"),
}
STATIONS = {("air_hourly", "1471A"): "市监测站"}
DISTRICTS = ("镜湖区", "鸠江区", "弋江区", "南陵县")


@pytest.mark.parametrize(
    ("months", "words"),
    [
        ([10], "10月"),
        ([1, 2, 3, 5, 10, 11], "1–3月、5月、10–11月"),
        ([3, 1, 2, 2], "1–3月"),
        ([1, 12], "1月、12月"),
    ],
)
def test_months_run_together(months, words):
    assert month_runs(months) == words


def test_a_district_that_has_not_submitted_is_named_with_the_form_and_month():
    assert missing_in_words("air_enforcement:镜湖区:2023-10", FORMS, STATIONS) == [
        "镜湖区 10月大气污染防治执法工作月报表未报送"
    ]


def test_units_missing_the_same_months_share_a_sentence_and_stations_are_named():
    missing = (
        "air_enforcement:镜湖区:2023-09; air_enforcement:镜湖区:2023-10; air_enforcement:鸠江区:2023-09; "
        "air_enforcement:鸠江区:2023-10; air_enforcement:南陵县:2023-10; air_hourly:1471A:2023-02"
    )
    assert missing_in_words(missing, FORMS, STATIONS, DISTRICTS) == [
        "镜湖区、鸠江区 9–10月大气污染防治执法工作月报表未报送",
        "南陵县 10月大气污染防治执法工作月报表未报送",
        "市监测站 2月国控站点环境空气质量小时数据未报送",
    ]


def test_every_district_missing_reads_as_each_district_and_districts_keep_the_seed_order():
    missing = "; ".join(f"fishing_rosters:{d}:2022-0{m}" for d in sorted(DISTRICTS) for m in (1, 2))
    assert missing_in_words(missing, FORMS, {}, DISTRICTS) == ["各区县 1–2月禁捕护渔力量统计表未报送"]
    partial = "fishing_rosters:南陵县:2022-01; fishing_rosters:镜湖区:2022-01"
    assert missing_in_words(partial, FORMS, {}, DISTRICTS) == ["镜湖区、南陵县 1月禁捕护渔力量统计表未报送"]


def test_a_whole_city_yearly_form_is_missing_for_its_year_and_an_unknown_source_keeps_its_key():
    assert missing_in_words("soil_scale_farms:全市:2022-01; soil_scale_farms:全市:2022-02", FORMS, {}) == [
        "2022年度规模养殖场台账未报送"
    ]
    assert missing_in_words("new_form:全市:2023-03", FORMS, {}) == ["3月new_form未报送"]
    assert missing_in_words(None, FORMS, {}) == []


def test_the_documented_form_is_parsed_exactly():
    assert parse_missing("water_drinking_monthly:XZ01:2023-01; air_enforcement:经济技术开发区:2023-11") == [
        ("water_drinking_monthly", "XZ01", 2023, 1),
        ("air_enforcement", "经济技术开发区", 2023, 11),
    ]
