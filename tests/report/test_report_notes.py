"""What the report says about figures that are not final: 暂定 reasons in words (the sample's 2022 rosters
and register were submitted late) and the revisions appendix, in md, html and xlsx alike."""

from __future__ import annotations

import shutil
from datetime import datetime

import duckdb
import openpyxl
import pytest

from dagster_project.report import write_report
from dagster_project.settings import Settings

pytestmark = pytest.mark.sample

# a corrected submission moved the published PM2.5 of 2023-11 from 31.25 (published 31.2, GB/T 8170) to 31.3
REVISION = ("air.pm25_mean", "城市", 2023, 11, 31.25, 31.3, "air/hourly/2023-11.xlsx")
DETECTED_UTC = datetime(2023, 12, 5, 1, 30)


@pytest.fixture(scope="module")
def data_dir(sample_build, tmp_path_factory):
    """A copy of the published sample with one recorded revision, reported for 2022-11 and 2023-11."""
    folder = tmp_path_factory.mktemp("report_notes")
    shutil.copyfile(sample_build / "warehouse.duckdb", folder / "warehouse.duckdb")
    with duckdb.connect(str(folder / "warehouse.duckdb")) as conn:
        conn.execute(
            "INSERT INTO ops.figure_revisions (detected_at, run_id, indicator_code, area, year, end_month, "
            "old_value, new_value, files_loaded) VALUES (?, 'test', ?, ?, ?, ?, ?, ?, ?)",
            [DETECTED_UTC, *REVISION],
        )
    settings = Settings(raw_dir=folder, data_dir=folder, snapshots_kept=1, report_snapshots_kept=2)
    write_report(settings, 2022, 11)
    write_report(settings, 2023, 11)
    return folder


def test_provisional_figures_say_who_has_not_submitted_what(data_dir, warehouse):
    provisional = warehouse.execute(
        "SELECT count(*) FROM indicators.fct_indicator_values "
        "WHERE year = 2022 AND end_month = 11 AND is_city AND NOT is_complete"
    ).fetchone()[0]
    assert provisional == 4
    md = (data_dir / "reports" / "2022-11" / "report.md").read_text(encoding="utf-8")
    html = (data_dir / "reports" / "2022-11" / "report.html").read_text(encoding="utf-8")
    for note in (
        "暂定：渔政执法人员，各区县 1–5月禁捕护渔力量统计表未报送",
        "暂定：规模场粪污装备配套率，2022年度规模养殖场台账未报送",
    ):
        assert f"- {note}" in md
        assert f"<li>{note}</li>" in html
    assert "其中4项为暂定数" in md
    assert ":全市:" not in md + html  # no machine keys (source:unit:period)
    sheet = openpyxl.load_workbook(data_dir / "reports" / "2022-11" / "report.xlsx")["记分卡"]
    header = [c.value for c in sheet[3]]
    notes = {row[0]: row[header.index("说明")] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert notes["fish.enforcement_staff"] == "各区县 1–5月禁捕护渔力量统计表未报送"


def test_the_revisions_appendix_prints_both_figures_as_published_in_beijing_time(data_dir):
    row = (
        "| 2023-12-05 09:30（北京时间） | PM2.5平均浓度（air.pm25_mean） | 城市 "
        "| 31.2微克/立方米 | 31.3微克/立方米 | air/hourly/2023-11.xlsx |"
    )
    md = (data_dir / "reports" / "2023-11" / "report.md").read_text(encoding="utf-8")
    assert row in md
    html = (data_dir / "reports" / "2023-11" / "report.html").read_text(encoding="utf-8")
    appendix = html.split("<h2>附：报送更正引起的数字变动</h2>")[1]
    assert "<td>2023-12-05 09:30（北京时间）</td>" in appendix
    assert '<td class="number">31.2微克/立方米</td><td class="number">31.3微克/立方米</td>' in appendix
    sheet = openpyxl.load_workbook(data_dir / "reports" / "2023-11" / "report.xlsx")["数字变动"]
    assert list(next(sheet.iter_rows(min_row=4, values_only=True))) == [
        "2023-12-05 09:30（北京时间）",
        "air.pm25_mean",
        "PM2.5平均浓度",
        "城市",
        "31.2微克/立方米",
        "31.3微克/立方米",
        "air/hourly/2023-11.xlsx",
    ]
