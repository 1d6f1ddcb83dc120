import math
import random
from decimal import Decimal
from types import SimpleNamespace

import duckdb
import jinja2
import pandas as pd
import pytest

from dagster_project.figures import (
    bound_kind,
    bound_text,
    compare_matches,
    matches,
    published_decimal,
    round_gbt8170,
)
from dagster_project.settings import DBT_PROJECT_DIR

MACRO = DBT_PROJECT_DIR / "macros" / "round_gbt8170.sql"


class CompilerError(Exception):
    pass


def _raise_compiler_error(message):
    raise CompilerError(message)


def macro_sql(expr: str, decimals) -> str:
    """The SQL the dbt macro round_gbt8170 compiles to (rendered from the macro file itself)."""
    template = jinja2.Environment().from_string(
        MACRO.read_text(encoding="utf-8") + "{{ round_gbt8170(e, d) }}"
    )
    exceptions = SimpleNamespace(raise_compiler_error=_raise_compiler_error)
    return template.render(e=expr, d=decimals, exceptions=exceptions)


def sql_select(expressions: str, relation: str = "(values (1)) as t(one)", frame=None) -> list[tuple]:
    with duckdb.connect() as conn:
        if frame is not None:
            conn.register("frame", frame)
        return conn.execute(f"select {expressions} from {relation}").fetchall()  # noqa: S608 - test SQL


def sql_round(values: list[float], decimals: list[int]) -> tuple[list[Decimal], list[Decimal]]:
    """The macro on each (value, decimals): once with decimals as a column, once as a literal."""
    frame = pd.DataFrame({"i": range(len(values)), "x": values, "d": decimals})
    literals = " ".join(f"when {d} then {macro_sql('x', d)}" for d in range(5))
    rows = sql_select(f"{macro_sql('x', 'd')}, case d {literals} end", "frame order by i", frame)
    return [r[0] for r in rows], [r[1] for r in rows]


# GB/T 8170: < 5 down, > 5 up, 5 followed by non-zero digits up, an exact 5 to the even neighbour
CASES = [
    (67.5, 0, "68"),
    (66.5, 0, "66"),
    (67.49999999999999, 0, "68"),  # 67.5 with float noise (a sum in binary floating point)
    (32.49999999999999, 0, "32"),
    (145.49999999999997, 0, "146"),
    (67.4999996, 0, "67"),  # rounding to 6 decimals first would make it a tie and give 68
    (83.65, 1, "83.6"),  # the double is 83.650000000000005…: half-up on it gives 83.7
    (83.75, 1, "83.8"),
    (83.55, 1, "83.6"),
    (1.05, 1, "1.0"),
    (1.15, 1, "1.2"),
    (1.151, 1, "1.2"),
    (1.149, 1, "1.1"),
    (2.25, 1, "2.2"),
    (0.1 + 0.2, 1, "0.3"),
    (-2.25, 1, "-2.2"),
    (-2.35, 1, "-2.4"),
    (-66.5, 0, "-66"),
    (-0.04, 1, "0.0"),  # no negative zero
    (0.0, 0, "0"),
    (0.0, 4, "0.0000"),
    (0.12345, 4, "0.1234"),
    (0.12355, 4, "0.1236"),
    (0.00005, 4, "0.0000"),
    (0.00015, 4, "0.0002"),
    (0.000149999, 4, "0.0001"),
    (268000000.5, 0, "268000000"),
    (5, 0, "5"),
]


@pytest.mark.parametrize(("value", "decimals", "expected"), CASES)
def test_python_rounding_follows_gbt8170(value, decimals, expected):
    assert str(round_gbt8170(value, decimals)) == expected


def test_the_dbt_macro_gives_the_same_results_on_the_same_cases():
    values, decimals, expected = zip(*CASES, strict=True)
    by_column, by_literal = sql_round([float(v) for v in values], list(decimals))
    assert [Decimal(e) for e in expected] == by_column == by_literal


def _property_values(rng: random.Random) -> list[float]:
    values = []
    for _ in range(3000):
        decimals = rng.randint(0, 4)
        tie = Decimal(rng.randint(-(10**6), 10**6)) / 10**decimals + Decimal(5) / 10 ** (decimals + 1)
        values.append(float(tie))  # exact ties x.x5
        values += [math.nextafter(float(tie), math.inf), math.nextafter(float(tie), -math.inf)]
        values.append(float(round(Decimal(rng.uniform(-1e5, 1e5)), rng.randint(0, 8))))
        values.append(sum(round(rng.uniform(0, 50), 1) for _ in range(rng.randint(2, 40))))  # noisy sums
        count = rng.randint(1, 400)
        values.append(rng.randint(0, count) / count * 100)  # shares in %
        values.append(rng.uniform(-1, 1) * 10 ** rng.randint(-5, 12))
    return values


def test_property_the_macro_and_python_agree_on_many_values():
    rng = random.Random(8170)
    values = _property_values(rng)
    decimals = [rng.randint(0, 4) for _ in values]
    by_column, by_literal = sql_round(values, decimals)
    python = [round_gbt8170(v, d) for v, d in zip(values, decimals, strict=True)]
    differing = [
        (v, d, p, c, li)
        for v, d, p, c, li in zip(values, decimals, python, by_column, by_literal, strict=True)
        if not p == c == li
    ]
    assert len(values) > 20000
    assert differing == []


@pytest.mark.parametrize("decimals", [-1, 5])
def test_decimals_outside_0_to_4_are_refused_by_both(decimals):
    with pytest.raises(ValueError, match="0…4"):
        round_gbt8170(1.5, decimals)
    with pytest.raises(CompilerError, match="0…4"):
        macro_sql("x", decimals)
    with pytest.raises(duckdb.InvalidInputException, match="0…4"):
        sql_round([1.5], [decimals])


@pytest.mark.parametrize("value", [math.nan, math.inf, 1e21])
def test_values_that_cannot_be_rounded_exactly_are_errors_in_both(value):
    with pytest.raises(ValueError, match="cannot round"):
        round_gbt8170(value, 1)
    with pytest.raises(duckdb.ConversionException):
        sql_select(macro_sql(f"cast('{value!r}' as double)", 1))


def test_a_null_value_or_null_decimals_give_null_in_sql():
    assert sql_select(macro_sql("cast(null as double)", "d"), "(values (1)) as t(d)") == [(None,)]
    assert sql_select(macro_sql("x", "d"), "(values (1.5, null)) as t(x, d)") == [(None,)]


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (83.6, 1, "83.6"),
        (31.0, 1, "31.0"),
        (268000000.0, 0, "268000000"),
        (-2.8, 1, "-2.8"),
        (0.1234, 4, "0.1234"),
    ],
)
def test_a_published_value_is_written_at_its_precision(value, decimals, expected):
    assert str(published_decimal(value, decimals)) == expected


def test_a_value_that_was_not_rounded_is_never_rounded_when_printed():
    with pytest.raises(ValueError, match="not a published value"):
        published_decimal(83.65, 1)


@pytest.mark.parametrize(
    ("computed", "figure", "qualifier", "quote", "expected"),
    [
        (31.27, "31.3", "exact", "", True),
        (31.34, "31.3", "exact", "", True),
        (31.36, "31.3", "exact", "", False),
        (83.55, "83.6", "exact", "", True),
        (83.65, "83.6", "exact", "", True),
        (83.65, "83.7", "exact", "", False),
        (67.49999999999999, "68", "exact", "", True),
        (83.65, "84", "exact", "", True),  # rounded once to the figure's precision, not 83.65 → 83.6 → 84
        (83.46, "83", "exact", "", True),  # not 83.46 → 83.5 → 84
        (243.4, "243", "approx", "新建约243公里污水管网", True),
        (523, "500", "lower_bound", "巡查500余次", True),
        (600, "500", "lower_bound", "巡查500余次", False),
        (499, "500", "lower_bound", "巡查500余次", False),
        (599.9999999999999, "600", "lower_bound", "巡查600余次", True),
        (13420, "13000", "lower_bound", "车辆1.3万余辆次", True),
        (14000, "13000", "lower_bound", "车辆1.3万余辆次", False),
        (299000, "200000", "lower_bound", "市本级财政列支20余万元", True),
        (327500, "320000", "lower_bound", "处罚金额32万余元", True),
        (95.2, "90", "lower_bound", "约占全市重点企业排放量的９０％以上", True),
        (89.9, "90", "lower_bound", "约占全市重点企业排放量的９０％以上", False),
        (89.96, "90", "lower_bound", "约占全市重点企业排放量的９０％以上", False),  # the unrounded value
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
    ("figure", "quote", "expected"),
    [
        ("500", "巡查500余次", "500余 → [500, 600)"),
        ("13000", "车辆1.3万余辆次", "13000余 → [13000, 14000)"),
        ("85", "救护成活率达到85％以上", "85以上 → [85, ∞)"),
    ],
)
def test_a_lower_bound_states_the_range_it_claims(figure, quote, expected):
    assert bound_text(figure, quote) == expected


@pytest.mark.parametrize(
    ("change", "compare", "expected"),
    [
        (-2.795, "yoy_pct=-2.8", True),
        (-2.74, "yoy_pct=-2.8", False),
        (-2.85, "yoy_pct=-2.8", True),
        (-2.85, "yoy_pct=-2.9", False),
        (3.4, "yoy_pp=+3.4", True),
        (None, "yoy_pp=+3.4", False),
    ],
)
def test_stated_change_matches_at_its_precision(change, compare, expected):
    assert compare_matches(change, compare) is expected
