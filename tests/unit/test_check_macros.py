"""The shared rules of the GX batch queries (expectations/macros) at their edges, on a tiny in-memory form."""

import duckdb
import pytest

from dagster_project.checks.gx_runner import Suite
from dagster_project.settings import EXPECTATIONS_DIR


@pytest.fixture
def conn():
    connection = duckdb.connect()
    for macros in Suite.from_file(EXPECTATIONS_DIR / "fct_urban_sewer_works.json").macros:
        connection.execute(macros)
    yield connection
    connection.close()


def _total_row_findings(conn, details_sum, total_value, **tolerance) -> list[str]:
    arguments = "".join(f", {name} := {value}" for name, value in tolerance.items())
    return [
        row[0]
        for row in conn.execute(
            f"""
            with details as (select 'f1' as form, 'area' as metric, ?::double as details_sum),
            totals as (
                select 'f1' as form, 'a.xlsx' as _file_path, '汇总' as _sheet, 9 as _row_number,
                       'area' as metric, ?::double as total_value
            )
            select total_row_finding
            from total_row_findings('details', 'totals', details_label := '区县'{arguments})
            """,
            [details_sum, total_value],
        ).fetchall()
    ]


def test_total_row_equal_to_details_without_tolerance_is_ok_and_one_off_is_a_finding_naming_the_cell(conn):
    assert _total_row_findings(conn, 120, 120) == ["ok"]
    assert _total_row_findings(conn, 120, 121) == [
        "a.xlsx 工作表「汇总」第9行 合计 area = 121.0，各区县明细之和 = 120.0"
    ]


def test_absolute_tolerance_does_not_grow_with_the_total(conn):
    assert _total_row_findings(conn, 5e6, 5e6 + 5e-7, absolute_tolerance=1e-6) == ["ok"]
    assert _total_row_findings(conn, 5e6, 5e6 + 1, absolute_tolerance=1e-6) != ["ok"]


def test_relative_tolerance_scales_with_the_total_but_not_below_one(conn):
    assert _total_row_findings(conn, 5e6, 5e6 + 1, relative_tolerance=1e-6) == ["ok"]
    assert _total_row_findings(conn, 5e6, 5e6 + 6, relative_tolerance=1e-6) != ["ok"]
    assert _total_row_findings(conn, 0.1, 0.1 + 5e-7, relative_tolerance=1e-6) == ["ok"]


def test_an_empty_total_cell_against_nonzero_details_is_a_finding_not_a_silent_pass(conn):
    assert _total_row_findings(conn, 0, None) == ["ok"]
    assert _total_row_findings(conn, 120, None) == [
        "a.xlsx 工作表「汇总」第9行 合计 area = （空），各区县明细之和 = 120.0"
    ]


def test_total_without_details_is_compared_with_zero(conn):
    assert _total_row_findings(conn, None, 0) == ["ok"]
    assert _total_row_findings(conn, None, 3) == [
        "a.xlsx 工作表「汇总」第9行 合计 area = 3.0，各区县明细之和 = 0.0"
    ]


def _running_total_findings(conn, months, decimals) -> dict[int, str]:
    """months: month → (本月, 累计) of one district's one metric."""
    rows = [
        (month, column, value)
        for month, (month_value, ytd_value) in months.items()
        for column, value in (("km_month", month_value), ("km_ytd", ytd_value))
    ]
    conn.execute(
        "create or replace temp table form_values (month integer, form_column varchar, value double)"
    )
    conn.executemany("insert into form_values values (?, ?, ?)", rows)
    found = conn.execute(
        f"""
        with submitted as (select '镜湖区' as district, 2023 as year, * from form_values)
        select running_total_finding from running_total_findings('submitted', {decimals})
        """
    ).fetchall()
    return sorted(row[0] for row in found)


def test_january_ytd_must_equal_its_month(conn):
    assert _running_total_findings(conn, {1: (3.0, 3.0)}, 0) == ["ok"]
    assert _running_total_findings(conn, {1: (3.0, 4.0)}, 0) == [
        "镜湖区 2023年1月 km：累计 4.0 ≠ 上月累计 0.0 + 本月 3.0"
    ]


def test_ytd_is_last_months_ytd_plus_this_month_to_the_given_decimals(conn):
    assert _running_total_findings(conn, {1: (1.2, 1.2), 2: (2.1, 3.30001)}, 4) == ["ok", "ok"]
    assert _running_total_findings(conn, {1: (1.2, 1.2), 2: (2.1, 3.3001)}, 4) == [
        "ok",
        "镜湖区 2023年2月 km：累计 3.3001 ≠ 上月累计 1.2 + 本月 2.1",
    ]


def test_month_after_a_missing_month_is_not_checked(conn):
    assert _running_total_findings(conn, {1: (1.0, 1.0), 3: (1.0, 9.0)}, 0) == ["ok", "ok"]


def test_cumulative_drop_is_the_fall_from_the_units_previous_period(conn):
    drops = conn.execute(
        """
        select cumulative_drop(v, (unit, year), month)
        from (
            values ('a', 2023, 1, 5), ('a', 2023, 2, 4), ('a', 2023, 3, 9),
                   ('a', 2024, 1, 1), ('b', 2023, 2, 0)
        ) as t(unit, year, month, v)
        order by unit, year, month
        """
    ).fetchall()
    assert [d for (d,) in drops] == [0, 1, -5, 0, 0]
