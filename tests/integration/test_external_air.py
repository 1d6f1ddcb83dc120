"""Real third-party data through the real pipeline: Beijing, December 2016 (three national stations).

The rows are converted to the documented hourly export format (docs/air-hourly-export-format.md):
hour-start → hour-ending time, CO headed in μg/m³ so that staging converts it to mg/m³.
"""

import csv
import gzip
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.inboxes import write_submission
from tests.pipeline import run_refresh

SLICE = Path(__file__).resolve().parents[1] / "data" / "external" / "beijing-air-2016-12.csv.gz"
POLLUTANTS = {
    "SO2": "SO2(μg/m³)",
    "NO2": "NO2(μg/m³)",
    "CO": "CO(μg/m³)",
    "O3": "O3(μg/m³)",
    "PM10": "PM10(μg/m³)",
    "PM2.5": "PM2.5(μg/m³)",
}


def _write_beijing_inbox(inbox: Path) -> pd.DataFrame:
    frame = pd.read_csv(SLICE)
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
    path = inbox / "air" / "hourly" / "北京小时数据_201612.csv"
    path.parent.mkdir(parents=True)
    with (
        gzip.open(SLICE, "rt", encoding="utf-8") as source,
        path.open("w", encoding="utf-8-sig", newline="") as out,
    ):
        writer = csv.writer(out)
        writer.writerow(["站点名称", "站点编码", "监测时间", *POLLUTANTS.values()])
        for row in csv.DictReader(source):
            ending = datetime(
                int(row["year"]), int(row["month"]), int(row["day"]), int(row["hour"])
            ) + timedelta(hours=1)
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
def beijing(tmp_path_factory):
    root = tmp_path_factory.mktemp("beijing")
    frame = _write_beijing_inbox(root / "inbox")
    result = run_refresh(root / "inbox", root / "data")
    conn = duckdb.connect(str(root / "data" / "warehouse.duckdb"), read_only=True)
    yield result, frame, conn
    conn.close()


def test_the_real_export_loads_whole_and_publishes(beijing):
    result, frame, conn = beijing
    assert result.success
    assert conn.execute("select count(*) from raw.air_hourly").fetchone()[0] == len(frame)
    assert conn.execute("select count(*) from raw._rejects").fetchone()[0] == 0


def test_co_in_micrograms_is_converted_to_milligrams(beijing):
    _, frame, conn = beijing
    day = frame[(frame["station"] == "Dongsi") & (frame["day"] == 5)]
    expected = day["CO"].dropna().mean() / 1000
    value = conn.execute(
        "select co_24h from marts.fct_air_quality_station_daily "
        "where station_name = 'Dongsi' and obs_date = '2016-12-05'"
    ).fetchone()[0]
    assert value == pytest.approx(expected, rel=1e-9)


def test_the_december_2016_red_alert_episode_shows_as_severe_pollution(beijing):
    _, _, conn = beijing
    rows = dict(
        conn.execute(
            "select aqi_category, count(*) from marts.fct_air_quality_daily where is_valid_day group by 1"
        ).fetchall()
    )
    worst = conn.execute(
        "select obs_date, aqi, primary_pollutants from marts.fct_air_quality_daily "
        "order by aqi desc nulls last limit 1"
    ).fetchone()
    assert rows.get("严重污染", 0) >= 1
    assert worst[2] == "pm25"
    assert worst[0].month == 12 and 16 <= worst[0].day <= 22
    assert sum(rows.values()) >= 28
