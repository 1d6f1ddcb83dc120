"""Real Beijing air data as an inbox in the documented hourly export format
(docs/air-hourly-export-format.md): hour-start → hour-ending time, CO headed in μg/m³ so that staging
converts it to mg/m³, one file per month.

December 2013 of three national stations and the whole of 2015 of all twelve. The other nine stations enter
the register on 2014-01-01, so that December 2013 is evaluated over the three stations that reported it.
"""

from __future__ import annotations

import csv
import gzip
from datetime import datetime, timedelta
from pathlib import Path

from tests.inboxes import write_submission

EXTERNAL = Path(__file__).resolve().parents[1] / "data" / "external"
DECEMBER_2013 = EXTERNAL / "beijing-air-2013-12.csv.gz"
YEAR_2015 = EXTERNAL / "beijing-air-2015.csv.gz"
HEADERS = {
    "SO2": "SO2(μg/m³)",
    "NO2": "NO2(μg/m³)",
    "CO": "CO(μg/m³)",
    "O3": "O3(μg/m³)",
    "PM10": "PM10(μg/m³)",
    "PM2.5": "PM2.5(μg/m³)",
}
REGISTER_START = {2013: "2013-01-01", 2015: "2014-01-01"}


def _write_register(inbox: Path, stations_from: dict[str, int]) -> dict[str, str]:
    """The station register, each station entering it on the start of its first year's data."""
    code = {name: f"BJ{i:02d}" for i, name in enumerate(sorted(stations_from))}
    write_submission(
        inbox,
        "air_stations",
        "北京国控站点名录.xlsx",
        [
            {
                "station_code": code[name],
                "station_name": name,
                "district": "镜湖区",
                "station_level": "国控",
                "is_city_evaluation": "是",
                "started_on": REGISTER_START[year],
            }
            for name, year in sorted(stations_from.items())
        ],
    )
    return code


def _write_monthly_exports(folder: Path, rows: list[dict], code: dict[str, str]) -> None:
    for year, month in sorted({(int(r["year"]), int(r["month"])) for r in rows}):
        with (folder / f"北京小时数据_{year}{month:02d}.csv").open(
            "w", encoding="utf-8-sig", newline=""
        ) as out:
            writer = csv.writer(out)
            writer.writerow(["站点名称", "站点编码", "监测时间", *HEADERS.values()])
            for row in rows:
                if (int(row["year"]), int(row["month"])) != (year, month):
                    continue
                start = datetime(year, month, int(row["day"]), int(row["hour"]))
                ending = (start + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
                writer.writerow([row["station"], code[row["station"]], ending, *(row[p] for p in HEADERS)])


def write_beijing_inbox(inbox: Path) -> None:
    rows = []
    for path in (DECEMBER_2013, YEAR_2015):
        with gzip.open(path, "rt", encoding="utf-8") as source:
            rows += list(csv.DictReader(source))
    stations_from: dict[str, int] = {}
    for row in rows:
        stations_from[row["station"]] = min(int(row["year"]), stations_from.get(row["station"], 9999))
    code = _write_register(inbox, stations_from)
    folder = inbox / "air" / "hourly"
    folder.mkdir(parents=True)
    _write_monthly_exports(folder, rows, code)
