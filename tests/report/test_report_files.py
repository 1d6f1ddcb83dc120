"""The 2023-11 report the refresh job writes: Chinese text in the bureau's style, one title and Beijing
time across md/html/xlsx, a workbook laid out for reading (report order, widths, number formats, units,
autofilter, native charts), the kept snapshot."""

from __future__ import annotations

import re
import zipfile
from datetime import timedelta

import duckdb
import openpyxl
import pytest

from dagster_project.report.text import report_title

pytestmark = pytest.mark.sample


@pytest.fixture(scope="module")
def report_dir(sample_build):
    return sample_build / "reports" / "2023-11"


def test_markdown_states_the_headline_figures_in_the_bureaus_words(report_dir, warehouse):
    text = (report_dir / "report.md").read_text(encoding="utf-8")
    pm25, change = warehouse.execute(
        "SELECT value_report, yoy_change_report FROM indicators.rpt_scorecard "
        "WHERE indicator_code = 'air.pm25_mean' AND area = '城市' AND year = 2023 AND end_month = 11"
    ).fetchone()
    assert (
        f"PM2.5平均浓度为{pm25:.1f}微克/立方米，同比{'下降' if change < 0 else '上升'}{abs(change):.1f}％"
        in text
    )
    assert "优良天数比例为83.6％，同比上升3.4个百分点" in text
    assert (
        "约占全市重点企业排放量的90％以上" in text
    )  # a lower bound phrased with 以上 from significant digits


def test_markdown_follows_the_bureaus_domain_order(report_dir):
    text = (report_dir / "report.md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[0] == "## 概述"
    domains = [h.split("（")[-1].rstrip("）") for h in headings if "、" in h]
    assert domains == ["大气", "水", "土壤与农村", "禁渔", "林业"]
    assert headings[-1] == "## 附：报送更正引起的数字变动"


def test_md_html_and_xlsx_carry_one_title(report_dir):
    title = report_title(2023, 11)
    assert (report_dir / "report.md").read_text(encoding="utf-8").splitlines()[0] == f"# {title}"
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    assert re.search(r"<title>(.*?)</title>", html).group(1) == title
    assert re.search(r"<h1>(.*?)</h1>", html).group(1) == title
    workbook = openpyxl.load_workbook(report_dir / "report.xlsx")
    assert workbook.properties.title == title
    assert all(sheet["A1"].value == title for sheet in workbook.worksheets)


def test_times_are_beijing_time(report_dir, warehouse):
    published_utc = warehouse.execute("SELECT max(published_at) FROM ops.publish_log").fetchone()[0]
    beijing = (published_utc + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M") + "（北京时间）"
    for name in ("report.md", "report.html"):
        text = re.sub(r"<script.*?</script>", "", (report_dir / name).read_text(encoding="utf-8"), flags=re.S)
        assert beijing in text, name
        assert "UTC" not in text, name
    assert beijing in openpyxl.load_workbook(report_dir / "report.xlsx")["记分卡"]["A2"].value


def test_the_summary_opens_md_and_html_with_the_headline_figures(report_dir, warehouse):
    n_standards, n_met = warehouse.execute(
        "SELECT count(meets_standard), count(*) FILTER (WHERE meets_standard) FROM indicators.rpt_scorecard "
        "WHERE area = '城市' AND year = 2023 AND end_month = 11"
    ).fetchone()
    assert n_standards == n_met > 0
    opening = "2023年1－11月，全市PM2.5平均浓度为"
    md = (report_dir / "report.md").read_text(encoding="utf-8")
    summary = md.split("## 概述\n\n")[1].split("\n")[0]
    assert summary.startswith(opening)
    assert "优良天数比例为83.6％，同比上升3.4个百分点" in summary
    assert f"有国家标准的{n_standards}项指标全部达标" in summary
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    assert f'<p class="summary">{summary}</p>' in html


def test_the_html_has_the_standards_column_and_the_revisions_appendix(report_dir):
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    assert "<th>标准／目标</th>" in html
    assert "标准限值 35微克/立方米，达标" in html  # PM2.5, GB 3095 annual limit, from the targets seed
    assert "<h2>附：报送更正引起的数字变动</h2>" in html
    assert "本期数字发布后未因更正报送而变动。" in html


@pytest.fixture(scope="module")
def workbook(report_dir):
    return openpyxl.load_workbook(report_dir / "report.xlsx")


def _header(sheet) -> list[str]:
    return [cell.value for cell in sheet[3]]


def _rows(sheet) -> list[dict]:
    header = _header(sheet)
    return [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=4, values_only=True)]


def test_workbook_sheets_follow_the_report(workbook):
    assert workbook.sheetnames == [
        "记分卡",
        "月度走势",
        "大气",
        "水",
        "土壤与农村",
        "禁渔",
        "林业",
        "数字变动",
    ]
    codes = [row["指标编码"] for row in _rows(workbook["记分卡"])]
    assert codes[:3] == [
        "air.pm25_mean",
        "air.good_days_ratio",
        "air.pm10_mean",
    ]  # report order, not code order
    assert (
        codes.index("water.national_sections")
        < codes.index("soil.plots_surveyed")
        < codes.index("fish.enforcement_staff")
    )


def test_workbook_says_when_no_figure_was_revised(workbook):
    assert workbook["数字变动"]["A4"].value == "本期数字发布后未因更正报送而变动。"


def test_workbook_sheets_have_autofilter_frozen_header_and_fitted_widths(workbook):
    for sheet in workbook.worksheets:
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A3:"), sheet.title
        assert sheet.freeze_panes == "A4", sheet.title
    widths = {workbook["记分卡"].column_dimensions[letter].width for letter in "ABCDEFGHIJKLMNOP"}
    assert len(widths) > 4  # fitted to the contents, not one width for all


def test_workbook_units_changes_and_number_formats(workbook, warehouse):
    header = _header(workbook["记分卡"])
    assert "同比 %" in header and "同比 百分点" in header
    rows = {row["指标编码"]: row for row in _rows(workbook["记分卡"])}
    assert rows["air.pm25_mean"]["单位"] == "μg/m³"
    assert rows["air.good_days_ratio"]["同比 百分点"] == 3.4 and rows["air.good_days_ratio"]["同比 %"] is None
    sheet = workbook["记分卡"]
    pm25_row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 1).value == "air.pm25_mean")
    assert sheet.cell(pm25_row, header.index("本期值") + 1).number_format == "#,##0.0"
    funds_yuan = warehouse.execute(
        "SELECT value_report FROM indicators.rpt_scorecard WHERE indicator_code = 'water.central_funds' "
        "AND area = '城市' AND year = 2023 AND end_month = 11"
    ).fetchone()[0]
    assert rows["water.central_funds"]["单位"] == "万元"
    assert rows["water.central_funds"]["本期值"] == pytest.approx(funds_yuan / 10000, abs=1e-9)
    assert not any(row["单位"] in ("ug/m3", "元") for row in rows.values())


def test_workbook_charts_the_two_headline_series_natively(report_dir, workbook):
    monthly = workbook["月度走势"]
    assert _header(monthly)[0] == "月份" and monthly.cell(4, 1).value == "1月"
    with zipfile.ZipFile(report_dir / "report.xlsx") as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2
    assert "<c:lineChart>" in charts[0] and "<c:barChart>" in charts[1]
    ranges = [re.findall(r"<c:f>'?月度走势'?!(.*?)</c:f>", chart) for chart in charts]
    assert ranges == [
        ["$A$4:$A$14", "$B$4:$B$14", "$A$4:$A$14", "$C$4:$C$14"],  # PM2.5, 2023 and 2022
        ["$A$4:$A$14", "$D$4:$D$14", "$A$4:$A$14", "$E$4:$E$14"],  # 优良天数比例, 2023 and 2022
    ]


def test_the_report_keeps_the_snapshot_it_was_made_from(report_dir, sample_build):
    kept = report_dir / "warehouse.duckdb"
    with duckdb.connect(str(kept), read_only=True) as conn:
        kept_run = conn.execute("SELECT max(published_at) FROM ops.publish_log").fetchone()[0]
    with duckdb.connect(str(sample_build / "warehouse.duckdb"), read_only=True) as conn:
        assert conn.execute("SELECT max(published_at) FROM ops.publish_log").fetchone()[0] == kept_run


def test_the_sample_air_inputs_are_complete_for_the_report_period(warehouse):
    provisional = warehouse.execute(
        "SELECT indicator_code, missing_submissions FROM indicators.fct_indicator_values "
        "WHERE domain = 'air' AND year = 2023 AND end_month = 11 AND is_city AND NOT is_complete"
    ).fetchall()
    assert provisional == []


def test_targets_are_never_invented(warehouse):
    assert (
        warehouse.execute(
            "SELECT count(*) FROM indicators.rpt_scorecard "
            "WHERE target_value IS NOT NULL OR meets_target IS NOT NULL"
        ).fetchone()[0]
        == 0
    )
    assert warehouse.execute(
        "SELECT standard_limit, meets_standard FROM indicators.rpt_scorecard "
        "WHERE indicator_code = 'air.pm25_mean' "
        "AND area = '城市' AND year = 2023 AND end_month = 11"
    ).fetchone() == (35.0, True)
