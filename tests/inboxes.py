"""Small generated inboxes for tests that need their own refresh runs.

`write_submission` (the sample generator's, sample_generator/common.py) writes any registry source's file
from plain dicts, with the headers the registry expects (two-row merged headers for `组/子` labels, a
title row, an optional 合计 row), so a test states only the rows it cares about.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from sample_generator.common import write_submission

__all__ = ["write_submission"]

STATIONS = [
    {
        "station_code": "T001A",
        "station_name": "测试一站",
        "district": "镜湖区",
        "station_level": "国控",
        "is_city_evaluation": "是",
        "started_on": "2015-01-01",
    },
    {
        "station_code": "T002A",
        "station_name": "测试二站",
        "district": "繁昌县",
        "station_level": "国控",
        "is_city_evaluation": "是",
        "started_on": "2015-01-01",
    },
    {
        "station_code": "T900S",
        "station_name": "省控站",
        "district": "南陵县",
        "station_level": "省控",
        "is_city_evaluation": "否",
        "started_on": "2015-01-01",
    },
]


def hourly_rows(year: int, month: int, days: int, pm25: float = 40.0, stations=STATIONS) -> list[dict]:
    """Flat hourly values for the first `days` days of a month: every day is valid and 良 or 优."""
    rows = []
    for station in stations:
        for day in range(days):
            for hour in range(1, 25):
                stamp = datetime(year, month, 1) + timedelta(days=day, hours=hour)
                rows.append(
                    {
                        "station_name": station["station_name"],
                        "station_code": station["station_code"],
                        "measured_at": stamp.strftime("%Y-%m-%d %H:%M"),
                        "so2": 8,
                        "no2": 30,
                        "co": 0.8,
                        "o3": 60,
                        "pm10": 70,
                        "pm25": pm25,
                    }
                )
    return rows


def enforcement_rows(values: dict[str, int]) -> list[dict]:
    """Two districts reporting the given 本月 values (累计 equal to 本月: a January form)."""
    rows = []
    for district in ("镜湖区", "繁昌县"):
        row = {"district": district}
        for metric, value in values.items():
            row[f"{metric}_month"] = value
            row[f"{metric}_ytd"] = value
        rows.append(row)
    return rows


def write_small_air_inbox(inbox: Path) -> Path:
    """A complete, small air inbox: the first 3 days of January 2022 and 2023, two evaluation stations, every
    register."""
    write_submission(inbox, "air_stations", "站点名录_2023.xlsx", STATIONS)
    for year in (2022, 2023):
        write_submission(
            inbox,
            "air_hourly",
            f"小时数据_{year}01.xlsx",
            hourly_rows(year, 1, days=3),
            title=f"XX市国控站点小时数据（{year}年01月）",
        )
        write_submission(
            inbox,
            "air_enforcement",
            f"执法月报_{year}01.xlsx",
            enforcement_rows(
                {"enterprises_verified": 10, "inspection_staff_times": 20, "vehicles_blacklisted": 3}
            ),
            title=f"XX市大气污染防治执法工作月报表（{year}年1月）",
            with_total=True,
        )
    write_submission(
        inbox,
        "air_cement_lines",
        "水泥熟料生产线台账_2023.xlsx",
        [
            {
                "line_code": "L1",
                "enterprise_name": "甲水泥",
                "district": "繁昌区",
                "in_production": "是",
                "meets_provincial_standard": "是",
            },
            {
                "line_code": "L2",
                "enterprise_name": "乙水泥",
                "district": "无为市",
                "in_production": "否",
                "meets_provincial_standard": "否",
            },
        ],
    )
    write_submission(
        inbox,
        "air_nonroad_machinery",
        "非道路移动机械编码登记台账_镜湖区_20230131.xlsx",
        [
            {
                "registration_code": f"JH{i:04d}",
                "district": "镜湖区",
                "registered_on": date(2021, 1, 1) + timedelta(days=40 * i),
            }
            for i in range(20)
        ],
    )
    write_submission(
        inbox,
        "air_vehicle_penalties",
        "超标排放机动车查处台账_20230131.xlsx",
        [
            {
                "case_code": f"C{i:03d}",
                "district": "鸠江区",
                "plate_number": f"皖B{i:05d}",
                "punished_on": date(2022, 1, 5) + timedelta(days=30 * i),
            }
            for i in range(13)
        ],
    )
    write_submission(
        inbox,
        "air_key_enterprises",
        "重点排污单位名录_2023.xlsx",
        [
            {
                "enterprise_code": "E1",
                "enterprise_name": "甲水泥",
                "district": "繁昌区",
                "industry": "水泥",
                "online_monitoring": "是",
                "so2_t": 100,
                "nox_t": 300,
                "particulates_t": 50,
                "vocs_t": 10,
            },
            {
                "enterprise_code": "E2",
                "enterprise_name": "丙印刷",
                "district": "镜湖区",
                "industry": "包装印刷",
                "online_monitoring": "是",
                "so2_t": 1,
                "nox_t": 2,
                "particulates_t": 1,
                "vocs_t": 20,
            },
        ],
    )
    return inbox
