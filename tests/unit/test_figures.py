import pytest

from dagster_project.figures import bound_kind, compare_matches, matches


@pytest.mark.parametrize(
    ("computed", "figure", "qualifier", "quote", "expected"),
    [
        (31.27, "31.3", "exact", "", True),
        (31.34, "31.3", "exact", "", True),
        (31.36, "31.3", "exact", "", False),
        (83.55, "83.6", "exact", "", True),
        (243.4, "243", "approx", "新建约243公里污水管网", True),
        (523, "500", "lower_bound", "巡查500余次", True),
        (600, "500", "lower_bound", "巡查500余次", False),
        (499, "500", "lower_bound", "巡查500余次", False),
        (13420, "13000", "lower_bound", "车辆1.3万余辆次", True),
        (14000, "13000", "lower_bound", "车辆1.3万余辆次", False),
        (299000, "200000", "lower_bound", "市本级财政列支20余万元", True),
        (327500, "320000", "lower_bound", "处罚金额32万余元", True),
        (95.2, "90", "lower_bound", "约占全市重点企业排放量的９０％以上", True),
        (89.9, "90", "lower_bound", "约占全市重点企业排放量的９０％以上", False),
        (None, "90", "lower_bound", "", False),
    ],
)
def test_figure_matching_follows_the_qualifier_rules(computed, figure, qualifier, quote, expected):
    assert matches(computed, figure, qualifier, quote) is expected


def test_yi_shang_is_read_next_to_its_own_number():
    quote = "查办行政案件560余起（80％以上为违规垂钓案件）"
    assert bound_kind("560", quote) == "below_next"
    assert bound_kind("80", quote) == "at_least"


@pytest.mark.parametrize(
    ("change", "compare", "expected"),
    [
        (-2.795, "yoy_pct=-2.8", True),
        (-2.74, "yoy_pct=-2.8", False),
        (3.4, "yoy_pp=+3.4", True),
        (None, "yoy_pp=+3.4", False),
    ],
)
def test_stated_change_matches_at_its_precision(change, compare, expected):
    assert compare_matches(change, compare) is expected
