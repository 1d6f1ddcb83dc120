"""The CLI on the sample warehouse: explain lists the published value, its formula, the mart rows of exactly
the area asked for and the submissions behind it; list, summary and report; and every refusal is one
line on stderr, exit code 2, and nothing left behind."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from dagster_project.cli import main
from dagster_project.report import build
from tests.pipeline import warehouse_env

pytestmark = pytest.mark.sample


def _run(data_dir, argv, capsys) -> tuple[int, str, str]:
    with warehouse_env(data_dir.parent, data_dir):
        exit_code = main(argv)
    captured = capsys.readouterr()
    return exit_code, captured.out, captured.err


def _mart_table(output: str) -> tuple[str, list[list[str]]]:
    """The header and the rows (as cells) of explain's mart rows."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if "mart rows (" in line)
    table = []
    for line in lines[start + 1 :]:
        if not line.startswith("    "):
            break
        table.append(line.strip())
    return table[0], [row.split(" | ") for row in table[1:]]


def _published(warehouse, code: str, area: str) -> float:
    return warehouse.execute(
        "SELECT value_report FROM indicators.rpt_scorecard "
        "WHERE indicator_code = ? AND area = ? AND year = 2023 AND end_month = 11",
        [code, area],
    ).fetchone()[0]


@pytest.fixture
def own_data_dir(sample_build, tmp_path):
    """A data dir publishing the sample warehouse, so report tests never touch the shared reports."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "warehouse.duckdb").symlink_to(sample_build / "warehouse.duckdb")
    return data_dir


def test_pm25_is_explained_by_the_hourly_exports_of_january_to_november(sample_build, capsys):
    exit_code, output, _ = _run(sample_build, ["explain", "air.pm25_mean", "--period", "2023-11"], capsys)
    assert exit_code == 0
    hourly = re.findall(r"(air/hourly/\S+)\s+sheet=", output)
    expected = [
        f"air/hourly/XX市国控站点小时数据_2023{m:02d}{'_v2' if m == 3 else ''}"
        f".{'csv' if m in (5, 9) else 'xlsx'}"
        for m in range(1, 12)
    ]
    assert hourly == expected
    assert "发布值 published value: 31.3 微克/立方米" in output
    assert "formula:" in output and "mart rows (1)" in output
    assert re.search(r"sha256=[0-9a-f]{64}\s+batch=\S+", output)


@pytest.fixture(scope="module")
def three_day_january(small_air_build):
    """A warehouse of a small inbox: 3 days of January 2022 and 2023, far below GB 3095's 27 daily values."""
    return small_air_build / "data"


def test_a_statistic_of_an_incomplete_month_is_explained_as_insufficient_data(three_day_january, capsys):
    exit_code, output, _ = _run(
        three_day_january, ["explain", "air.pm25_mean", "--period", "2023-01"], capsys
    )
    assert exit_code == 0
    assert re.search(
        r"统计数据不足 insufficient data \(GB 3095 表4 Table 4\): PM2\.5 1月有效日数 3 < 27（GB 3095 表4）\n",
        output,
    ), output
    assert "评价口径 assessment basis: 2012；同比口径 year-on-year basis: 2012" in output
    _, ratio, _ = _run(three_day_january, ["explain", "air.good_days_ratio", "--period", "2023-01"], capsys)
    assert "统计数据不足" not in ratio


@pytest.mark.parametrize("period", ["2023/11", "202311", "2023年11月"])
def test_every_spelling_of_the_period_explains_the_same_value(sample_build, capsys, period):
    _, written_with_dash, _ = _run(
        sample_build, ["explain", "air.good_days_ratio", "--period", "2023-11"], capsys
    )
    exit_code, output, _ = _run(sample_build, ["explain", "air.good_days_ratio", "--period", period], capsys)
    assert exit_code == 0 and output == written_with_dash


def test_a_district_value_lists_only_that_districts_rows(sample_build, capsys):
    argv = ["explain", "air.enterprises_verified", "--period", "2023-11", "--area", "镜湖区"]
    exit_code, output, _ = _run(sample_build, argv, capsys)
    assert exit_code == 0
    rows = re.findall(r"air/enforcement/\S+\s+sheet=\S+\s+rows=(\d+)", output)
    assert len(rows) == 11 and set(rows) == {"1"}
    header, mart_rows = _mart_table(output)
    assert header.startswith("地区 area | 年份 year | 期间截止月 end_month")
    assert [row[:3] for row in mart_rows] == [["镜湖区", "2023", "11"]]


def test_an_alias_from_the_district_list_explains_that_district(sample_build, capsys):
    base = ["explain", "air.enterprises_verified", "--period", "2023-11", "--area"]
    _, official, _ = _run(sample_build, [*base, "湾沚区"], capsys)
    exit_code, output, _ = _run(sample_build, [*base, "芜湖县"], capsys)
    assert exit_code == 0 and output == official and "· 湾沚区 ·" in output


@pytest.mark.parametrize("city", ["全市", "XX市"])
def test_the_city_under_another_name_is_the_default_area(sample_build, capsys, city):
    _, default, _ = _run(sample_build, ["explain", "air.pm25_mean", "--period", "2023-11"], capsys)
    exit_code, output, _ = _run(
        sample_build, ["explain", "air.pm25_mean", "--period", "2023-11", "--area", city], capsys
    )
    assert exit_code == 0 and output == default


def test_a_district_air_quality_value_shows_its_own_row_and_no_city_row(sample_build, warehouse, capsys):
    district, city = (
        _published(warehouse, "air.pm25_mean", "镜湖区"),
        _published(warehouse, "air.pm25_mean", "城市"),
    )
    assert district != city
    argv = ["explain", "air.pm25_mean", "--period", "2023-11", "--area", "镜湖区"]
    exit_code, output, _ = _run(sample_build, argv, capsys)
    assert exit_code == 0
    assert f"发布值 published value: {district:.1f} 微克/立方米" in output
    header, mart_rows = _mart_table(output)
    assert header.startswith("地区 area") and header.endswith("pm25_mean")
    assert [row[:3] for row in mart_rows] == [["镜湖区", "2023", "11"]]
    assert abs(float(mart_rows[0][-1]) - district) <= 0.05


def test_a_value_is_shown_as_published_not_as_the_stored_float(sample_build, warehouse, capsys):
    stored = warehouse.execute(
        "SELECT value FROM indicators.fct_indicator_values "
        "WHERE indicator_code = 'forest.coverage_rate' AND area = '繁昌区' AND year = 2023 AND end_month = 11"
    ).fetchone()[0]
    published = _published(warehouse, "forest.coverage_rate", "繁昌区")
    assert repr(stored) != f"{published:.2f}"
    argv = ["explain", "forest.coverage_rate", "--period", "2023-11", "--area", "繁昌区"]
    exit_code, output, _ = _run(sample_build, argv, capsys)
    assert exit_code == 0
    # the stored float appears only among the mart rows, which are labelled unrounded
    published_line = next(line for line in output.splitlines() if "发布值" in line)
    assert published_line.strip() == f"发布值 published value: {published:.2f}%"
    stored_lines = [line for line in output.splitlines() if repr(stored) in line]
    assert stored_lines and all("繁昌区" in line for line in stored_lines)
    assert "原值未修约 (stored, unrounded)" in output


def test_an_area_period_mart_shows_only_the_requested_areas_row(sample_build, capsys):
    exit_code, output, _ = _run(
        sample_build, ["explain", "water.national_good_ratio", "--period", "2023-11"], capsys
    )
    assert exit_code == 0
    header, mart_rows = _mart_table(output)
    assert header.startswith("地区 area | 年份 year | 期间截止月 end_month")
    assert header.endswith("national_good_ratio_pct")
    assert [row[:3] for row in mart_rows] == [["城市", "2023", "11"]]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["explain", "air.pm25", "--period", "2023-11"], "unknown indicator.*air\\.pm25_mean"),
        (["explain", "air.pm25_mean", "--period", "2023-13"], "month must be 1–12"),
        (["explain", "air.pm25_mean", "--period", "2023/11", "--area", "芜湖"], "unknown area.*镜湖区"),
        (
            ["explain", "water.national_good_ratio", "--period", "2023-11", "--area", "镜湖"],
            "no value for this area",
        ),
        (["explain", "air.pm25_mean", "--period", "2019-05"], "no value for this period.*2023-11"),
        (["list", "air.pm25_men"], "no indicator matches.*air\\.pm25_mean"),
        (["list", "--domain", "ocean"], "unknown domain.*water"),
    ],
)
def test_a_request_the_warehouse_cannot_answer_is_refused_with_exit_code_2(sample_build, capsys, argv, says):
    exit_code, output, error = _run(sample_build, argv, capsys)
    assert exit_code == 2 and output == ""
    assert re.search(says, error) and "Traceback" not in error and len(error.splitlines()) <= 5


def test_list_gives_every_code_with_its_chinese_name_and_unit(sample_build, warehouse, capsys):
    exit_code, output, _ = _run(sample_build, ["list"], capsys)
    assert exit_code == 0
    listed = set(re.findall(r"^  ([a-z]+\.[a-z0-9_]+)\s", output, flags=re.MULTILINE))
    assert listed == {
        code for (code,) in warehouse.execute("SELECT code FROM reference.indicators").fetchall()
    }
    assert re.search(r"air\.pm25_mean\s+PM2\.5平均浓度\s+微克/立方米", output)


def test_list_filters_by_domain_in_english_or_chinese(sample_build, capsys):
    _, english, _ = _run(sample_build, ["list", "--domain", "water"], capsys)
    exit_code, chinese, _ = _run(sample_build, ["list", "--domain", "水"], capsys)
    assert exit_code == 0 and chinese == english
    codes = re.findall(r"^  ([a-z]+\.[a-z0-9_]+)\s", english, flags=re.MULTILINE)
    assert codes and all(code.startswith("water.") for code in codes)
    assert re.search(r"water\.national_good_ratio\s+国考断面水质优良比例\s+%", english)


def test_summary_gives_every_domains_headline_at_bureau_time(sample_build, warehouse, capsys):
    exit_code, output, _ = _run(sample_build, ["summary"], capsys)
    assert exit_code == 0
    published_at = warehouse.execute("SELECT max(published_at) FROM ops.publish_log").fetchone()[0]
    assert f"{published_at + timedelta(hours=8):%Y-%m-%d %H:%M:%S} 北京时间 (Asia/Shanghai)" in output
    domains = re.findall(r"^  (\S+ [a-z]+)：", output, flags=re.MULTILINE)
    assert domains == ["大气 air", "水 water", "土壤与农村 soil", "禁渔 fishing", "林业 forestry"]
    headlines = re.findall(r"^    (\S+) (\S+)", output, flags=re.MULTILINE)
    assert len(headlines) == 2 * len(domains)
    pm25 = _published(warehouse, "air.pm25_mean", "城市")
    assert ("PM2.5平均浓度", f"{pm25:.1f}") in headlines


def _left_in(reports_dir) -> list[str]:
    return sorted(p.name for p in reports_dir.iterdir()) if reports_dir.exists() else []


def test_a_report_for_month_13_is_refused_and_writes_nothing(own_data_dir, capsys):
    exit_code, _, error = _run(own_data_dir, ["report", "--year", "2023", "--through", "13"], capsys)
    assert exit_code == 2 and "month must be 1–12" in error and "Traceback" not in error
    assert _left_in(own_data_dir / "reports") == []


def test_a_report_for_a_period_without_data_is_refused_before_copying_the_warehouse(own_data_dir, capsys):
    exit_code, _, error = _run(own_data_dir, ["report", "--year", "2030", "--through", "5"], capsys)
    assert exit_code == 2 and "no indicator values for 2030-05" in error and "2023-11" in error
    assert _left_in(own_data_dir / "reports") == []


def test_a_report_that_fails_half_way_leaves_no_folder(own_data_dir, capsys, monkeypatch):
    def disk_full(ctx, path):
        path.write_text("<html>", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build, "write_html", disk_full)
    exit_code, _, error = _run(own_data_dir, ["report", "--year", "2023", "--through", "11"], capsys)
    assert exit_code == 1 and "No space left on device" in error and "Traceback" not in error
    assert _left_in(own_data_dir / "reports") == []


def test_a_report_is_renamed_into_place_and_a_rerun_replaces_it(own_data_dir, capsys):
    for _ in range(2):
        exit_code, output, _ = _run(own_data_dir, ["report", "--year", "2023", "--through", "11"], capsys)
        assert exit_code == 0 and "2023-11" in output
        assert _left_in(own_data_dir / "reports") == ["2023-11"]
        assert _left_in(own_data_dir / "reports" / "2023-11") == [
            "report.html",
            "report.md",
            "report.xlsx",
            "warehouse.duckdb",
        ]
