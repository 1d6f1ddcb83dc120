"""Real third-party data through the real pipeline: Beijing (three national stations), December 2013 and
December 2015 — days before 2016-01-01 that must get an AQI under the 2012 rules. A whole year of all twelve
stations: test_external_air_year.py.

The rows are converted to the documented hourly export format (docs/air-hourly-export-format.md):
hour-start → hour-ending time, CO headed in μg/m³ so that staging converts it to mg/m³, one file per month.
"""

import csv
import gzip
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.inboxes import write_submission
from tests.pipeline import run_refresh

EXTERNAL = Path(__file__).resolve().parents[1] / "data" / "external"
SLICE_BEFORE_2016 = EXTERNAL / "beijing-air-2013-12-2015-12.csv.gz"
POLLUTANTS = {
    "SO2": "SO2(μg/m³)",
    "NO2": "NO2(μg/m³)",
    "CO": "CO(μg/m³)",
    "O3": "O3(μg/m³)",
    "PM10": "PM10(μg/m³)",
    "PM2.5": "PM2.5(μg/m³)",
}


def _write_beijing_inbox(inbox: Path, slice_path: Path) -> pd.DataFrame:
    frame = pd.read_csv(slice_path)
    stations = sorted(frame["station"].unique())
    write_submission(
        inbox,
        "air_stations",
        "北京国控站点名录.xlsx",
        [
            {
                "station_code": f"BJ{i:02d}",
                "station_name": name,
                "district": "镜湖区",
                "station_level": "国控",
                "is_city_evaluation": "是",
                "started_on": "2013-01-01",
            }
            for i, name in enumerate(stations)
        ],
    )
    code = {name: f"BJ{i:02d}" for i, name in enumerate(stations)}
    folder = inbox / "air" / "hourly"
    folder.mkdir(parents=True)
    with gzip.open(slice_path, "rt", encoding="utf-8") as source:
        rows = list(csv.DictReader(source))
    for year, month in sorted({(int(r["year"]), int(r["month"])) for r in rows}):
        path = folder / f"北京小时数据_{year}{month:02d}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["站点名称", "站点编码", "监测时间", *POLLUTANTS.values()])
            for row in rows:
                if (int(row["year"]), int(row["month"])) != (year, month):
                    continue
                ending = datetime(year, month, int(row["day"]), int(row["hour"])) + timedelta(hours=1)
                writer.writerow(
                    [
                        row["station"],
                        code[row["station"]],
                        ending.strftime("%Y-%m-%d %H:%M"),
                        *(row[p] for p in POLLUTANTS),
                    ]
                )
    return frame


@pytest.fixture(scope="module")
def beijing_before_2016(tmp_path_factory):
    root = tmp_path_factory.mktemp("beijing_before_2016")
    frame = _write_beijing_inbox(root / "inbox", SLICE_BEFORE_2016)
    result = run_refresh(root / "inbox", root / "data")
    conn = duckdb.connect(str(root / "data" / "warehouse.duckdb"), read_only=True)
    yield result, frame, conn
    conn.close()


def test_days_before_2016_get_an_aqi_under_the_2012_rules(beijing_before_2016):
    result, _, conn = beijing_before_2016
    assert result.success
    months = conn.execute(
        """select year(obs_date), count(*), count(*) filter (where ruleset = '2012'),
                  count(*) filter (where is_valid_day)
           from marts.fct_air_quality_daily group by 1 order by 1"""
    ).fetchall()
    assert [(y, n, n2012) for y, n, n2012, _ in months] == [(2013, 31, 31), (2015, 31, 31)]
    assert all(valid >= 28 for *_, valid in months)
    ratios = conn.execute(
        """select year, good_day_ratio, pm25_mean from marts.fct_air_quality_period
           where period_kind = 'month' and is_published_basis order by year"""
    ).fetchall()
    assert [y for y, *_ in ratios] == [2013, 2015]
    assert all(0 < ratio < 100 and pm25 > 50 for _, ratio, pm25 in ratios)


def test_days_before_the_city_published_aqi_are_marked_retrospective(beijing_before_2016):
    """XX市's seed dates its first AQI publication 2014-01-01: December 2013 is 按新标准回算, 2015 is not."""
    _, _, conn = beijing_before_2016
    published_from = conn.execute("select aqi_published_from from reference.air_aqi_publication").fetchone()[
        0
    ]
    assert date(2014, 1, 1) <= published_from <= date(2015, 12, 1)
    labels = conn.execute(
        """select year(obs_date), is_retrospective, ruleset_label, count(*)
           from marts.fct_air_quality_daily group by all order by 1"""
    ).fetchall()
    assert labels == [(2013, True, "HJ 633-2012（按新标准回算）", 31), (2015, False, "HJ 633-2012", 31)]
    periods = dict(
        conn.execute(
            """select year, has_retrospective_days from marts.fct_air_quality_period
               where period_kind = 'month' and is_published_basis"""
        ).fetchall()
    )
    assert periods == {2013: True, 2015: False}
    stations = conn.execute(
        """select count(*) from marts.fct_air_quality_station_daily
           where ruleset is distinct from '2012' or is_retrospective <> (obs_date < ?)""",
        [published_from],
    ).fetchone()[0]
    assert stations == 0


def test_a_clean_2013_day_with_co_missing_stays_a_valid_good_day(beijing_before_2016):
    """CO is missing for most of December 2013 at two of the three stations: the city CO is then invalid
    (under 75 % of the stations), and under HJ 633-2012 the AQI of the other items is still published."""
    _, _, conn = beijing_before_2016
    partial = conn.execute(
        """select count(*) filter (where is_good_day), count(*) filter (where not is_good_day)
           from marts.fct_air_quality_daily
           where year(obs_date) = 2013 and missing_items like '%co%' and dq_aqi_from_partial_items"""
    ).fetchone()
    assert partial[0] >= 1 and partial[1] >= 1


def test_the_december_2015_red_alerts_show_as_severe_pm25_pollution(beijing_before_2016):
    _, _, conn = beijing_before_2016
    worst = conn.execute(
        """select obs_date, aqi_category, primary_pollutants from marts.fct_air_quality_daily
           where year(obs_date) = 2015 order by aqi desc nulls last limit 1"""
    ).fetchone()
    assert worst[1] == "严重污染" and worst[2] == "pm25"
