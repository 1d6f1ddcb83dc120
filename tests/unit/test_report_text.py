from dataclasses import replace

import pytest

from dagster_project.report.catalogue import Indicator
from dagster_project.report.text import change_text, figure_text, sentence
from dagster_project.report.workbook import neutralise

BASE = Indicator(
    code="x.y",
    name_zh="测试指标",
    domain="air",
    report_order=1,
    unit="家",
    unit_zh="家",
    kind="count",
    aggregation="flow",
    direction="higher",
    yoy_kind="pct",
    decimals=0,
    significant_digits=None,
    phrasing="exact",
    source_mart=None,
    source_column=None,
    sources=(),
    formula_zh=None,
    sentence_zh=None,
)


@pytest.mark.parametrize(
    ("value", "value_report", "changes", "expected"),
    [
        (5538.0, 5538.0, {}, "5538家"),
        (14983.0, 14983.0, {"unit_zh": "辆"}, "14983辆"),
        (29200.0, 29200.0, {"unit_zh": "亩"}, "2.92万亩"),
        (31.3333, 31.3, {"unit_zh": "微克/立方米", "decimals": 1}, "31.3微克/立方米"),
        (31.0, 31.0, {"unit_zh": "微克/立方米", "decimals": 1}, "31.0微克/立方米"),
        (83.6364, 83.6, {"unit_zh": "%", "decimals": 1}, "83.6％"),
        # the published value, not the raw float re-rounded (which would print 67)
        (67.49999999999999, 68.0, {}, "68家"),
        (83.65, 83.6, {"unit_zh": "%", "decimals": 1}, "83.6％"),
        (523.0, 523.0, {"phrasing": "余", "significant_digits": 1, "unit_zh": "次"}, "500余次"),
        # a lower bound is cut from the unrounded value: 599.9999999999999 is 600 with float noise
        (599.9999999999999, 600.0, {"phrasing": "余", "significant_digits": 1, "unit_zh": "次"}, "600余次"),
        (93.0, 93.0, {"phrasing": "以上", "significant_digits": 1, "unit_zh": "%"}, "90％以上"),
        # 89.96 publishes as 90.0, but "90％以上" would not be true of it
        (
            89.96,
            90.0,
            {"phrasing": "以上", "significant_digits": 1, "unit_zh": "%", "decimals": 1},
            "80％以上",
        ),
        (243.4, 243.0, {"phrasing": "约", "unit_zh": "公里"}, "约243公里"),
        (80.4, 80.0, {"phrasing": "左右", "unit_zh": "%"}, "80％左右"),
        (268000000.0, 268000000.0, {"phrasing": "近", "unit_zh": "元", "decimals": 0}, "近2.68亿元"),
    ],
)
def test_figure_text(value, value_report, changes, expected):
    assert figure_text(value, value_report, replace(BASE, **changes)) == expected


def test_a_value_the_warehouse_did_not_round_is_refused_not_rounded_again():
    with pytest.raises(ValueError, match="not a published value"):
        figure_text(31.3333, 31.3333, replace(BASE, decimals=1))


def test_change_text():
    assert change_text(-2.8, "pct") == "同比下降2.8％"
    assert change_text(3.4, "pp") == "同比上升3.4个百分点"
    assert change_text(-0.2, "pct") == "同比下降0.2％"
    assert change_text(0.0, "pct") == "同比持平"
    assert change_text(None, "pct") == ""


def test_sentence_uses_the_template_and_marks_provisional_values():
    indicator = replace(BASE, sentence_zh="PM2.5平均浓度为{value}{yoy}", unit_zh="微克/立方米", decimals=1)
    assert sentence(indicator, 31.27, 31.3, -2.8, False) == "PM2.5平均浓度为31.3微克/立方米，同比下降2.8％"
    assert sentence(BASE, 12.0, 12.0, 5.0, True) == "测试指标为12家（暂定）"
    assert sentence(BASE, 12.0, 12.0, 5.0, False, True) == "测试指标为12家（按新标准回算）"
    assert sentence(BASE, 12.0, 12.0, 5.0, True, True) == "测试指标为12家（暂定，按新标准回算）"


def test_sentence_marks_a_statistic_below_the_gb3095_completeness_minimum():
    assert sentence(BASE, 12.0, 12.0, 5.0, False, insufficient_data=True) == "测试指标为12家（统计数据不足）"
    assert (
        sentence(BASE, 12.0, 12.0, 5.0, True, True, insufficient_data=True)
        == "测试指标为12家（暂定，按新标准回算，统计数据不足）"
    )


@pytest.mark.parametrize("text", ["=1+1", "+86", "-2", "@SUM(A1)", '=HYPERLINK("http://x")'])
def test_formula_like_text_is_neutralised(text):
    assert neutralise(text) == "'" + text


def test_plain_text_is_kept():
    assert neutralise("镜湖区") == "镜湖区"
