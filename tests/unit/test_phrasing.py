from decimal import Decimal

import pytest

from dagster_project.figures import matches
from dagster_project.phrasing import phrase, truncate_significant


@pytest.mark.parametrize(
    ("value", "digits", "unit", "qualifier", "expected"),
    [
        (523, 1, "", "余", "500余"),
        (567, 2, "", "余", "560余"),
        (50321, 1, "", "余", "5万余"),
        (13420, 2, "", "余", "1.3万余"),
        (1803456, 2, "", "余", "180万余"),
        (327500, 2, "元", "余", "32万余元"),
        (9999, 1, "", "余", "9000余"),
        (10000, None, "", "余", "1万"),
        (81.2, 1, "%", "以上", "80％以上"),
        (53, None, "", "余", "53"),
        (53, None, "起", "余", "53起"),
        (523, 1, "次", "余", "500余次"),
        (523, 1, "次", "以上", "500次以上"),
        (13462, 2, "辆次", "余", "1.3万余辆次"),
        (157, None, "人", "余", "157人"),
        (250_000_000, 2, "元", "余", "2.5亿余元"),
    ],
)
def test_phrase_writes_figures_the_bureau_way(value, digits, unit, qualifier, expected):
    assert phrase(value, digits, unit, qualifier) == expected


@pytest.mark.parametrize(
    ("value", "digits"), [(523, 1), (567, 2), (50321, 1), (13420, 2), (1803456, 2), (9999, 1), (81.2, 1)]
)
def test_a_phrased_lower_bound_always_matches_its_own_value(value, digits):
    figure = truncate_significant(Decimal(str(value)), digits)
    assert matches(value, format(figure.normalize(), "f"), "lower_bound", "")


def test_truncation_never_rounds_up():
    assert truncate_significant(Decimal("599.99"), 1) == 500
    assert truncate_significant(Decimal("0"), 2) == 0


@pytest.mark.parametrize(("digits", "qualifier"), [(0, "余"), (1, "约")])
def test_bad_arguments_are_refused(digits, qualifier):
    with pytest.raises(ValueError):
        phrase(523, digits, "", qualifier)
