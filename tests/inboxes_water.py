"""A small, complete water inbox for tests that need their own refresh runs (quality checks, CNEMC).

Every water source gets a file, written with `tests.inboxes.write_submission`, so every water mart has
rows a test can plant a bad value in.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.inboxes import write_submission

SECTIONS = [
    {
        "section_code": "T01",
        "section_name": "测试国考断面",
        "district": "鸠江区",
        "water_body_type": "河流",
        "is_national": "是",
        "is_provincial": "是",
        "is_city": "否",
        "target_class": "Ⅲ类",
    },
    {
        "section_code": "T02",
        "section_name": "测试湖库断面",
        "district": "南陵县",
        "water_body_type": "湖库",
        "is_national": "否",
        "is_provincial": "是",
        "is_city": "是",
        "target_class": "IV",
    },
]


def section_rows(year: int, month: int) -> list[dict]:
    """One class II river sample and one class IV lake sample (TP 0.08 is IV in a lake, II in a river)."""
    day = date(year, month, 10)
    return [
        {
            "section_code": "T01",
            "section_name": "测试国考断面",
            "sampled_on": day,
            "ph": 7.5,
            "do": 7.0,
            "codmn": 3.1,
            "nh3n": 0.31,
            "tp": 0.08,
            "hg": "0.00004L",
            "cd": "ND",
        },
        {
            "section_code": "T02",
            "section_name": "测试湖库断面",
            "sampled_on": day,
            "ph": 8.1,
            "do": 6.5,
            "codmn": 3.5,
            "nh3n": 0.42,
            "tp": 0.08,
            "tn": 1.1,
        },
    ]


def sewer_rows() -> list[dict]:
    return [
        {
            "district": "镜湖区",
            "surveyed_km_month": 10.5,
            "surveyed_km_ytd": 10.5,
            "defects_fixed_month": 30,
            "defects_fixed_ytd": 30,
            "black_odorous_supervised": 20,
        },
        {
            "district": "繁昌县",
            "surveyed_km_month": 4.0,
            "surveyed_km_ytd": 4.0,
            "defects_fixed_month": 12,
            "defects_fixed_ytd": 12,
        },
    ]


def write_small_water_inbox(inbox: Path) -> Path:
    write_submission(inbox, "water_sections", "断面名录_2023.xlsx", SECTIONS)
    for year in (2022, 2023):
        write_submission(
            inbox,
            "water_section_monthly",
            f"断面监测_{year}01.xlsx",
            section_rows(year, 1),
            title=f"XX市地表水断面水质监测月报（{year}年1月）",
        )
        write_submission(
            inbox,
            "water_sewer_works",
            f"污水管网月报_{year}01.xlsx",
            sewer_rows(),
            title=f"XX市城市污水管网建设与整治月报表（{year}年1月）",
            with_total=True,
        )
    write_submission(
        inbox,
        "water_drinking_sources",
        "水源地名录.xlsx",
        [
            {
                "source_code": "Y1",
                "source_name": "测试水源",
                "district": "镜湖区",
                "source_level": "县级及以上",
                "source_type": "河流型",
                "status": "在用",
            },
        ],
    )
    write_submission(
        inbox,
        "water_drinking_monthly",
        "水源地监测_202301.xlsx",
        [
            {
                "source_code": "Y1",
                "source_name": "测试水源",
                "sampled_on": date(2023, 1, 8),
                "ph": 7.4,
                "do": 8.0,
                "codmn": 2.5,
                "nh3n": 0.2,
                "tp": 0.06,
                "sulfate": 40,
                "iron": 0.1,
            },
        ],
    )
    write_submission(
        inbox,
        "water_source_changes",
        "撤销整并清单.xlsx",
        [
            {
                "change_code": "C1",
                "source_name": "旧水源",
                "district": "无为县",
                "source_level": "县级及以上",
                "change_type": "撤销",
                "approved_on": date(2023, 1, 20),
            },
        ],
    )
    write_submission(
        inbox,
        "water_micro_stations",
        "微站台账.xlsx",
        [
            {
                "station_code": "M1",
                "station_name": "测试微站",
                "source_code": "Y1",
                "district": "镜湖区",
                "build_type": "新建",
                "completed_on": date(2023, 1, 15),
            },
        ],
    )
    write_submission(
        inbox,
        "water_outfalls",
        "排污口台账_鸠江区.xlsx",
        [
            {
                "outfall_code": f"O{i}",
                "district": "鸠江区",
                "receiving_water": "长江",
                "is_main_stem": "是",
                "found_on": date(2022, 12, 1),
                "monitored_on": date(2023, 1, 5) if i < 3 else None,
                "plan_written_on": date(2023, 1, 10) if i < 3 else None,
                "remediated_on": date(2023, 1, 25) if i < 2 else None,
            }
            for i in range(4)
        ],
    )
    write_submission(
        inbox,
        "water_wwtp_plants",
        "污水处理厂名录.xlsx",
        [
            {"plant_code": "P1", "plant_name": "测试厂", "district": "鸠江区", "design_capacity": 30000},
        ],
    )
    write_submission(
        inbox,
        "water_wwtp_projects",
        "项目台账.xlsx",
        [
            {
                "project_code": "J1",
                "plant_code": "P1",
                "project_name": "测试厂二期",
                "project_type": "扩建",
                "capacity_added": 30000,
                "started_on": date(2022, 3, 1),
                "completed_on": date(2023, 1, 28),
            },
        ],
    )
    write_submission(
        inbox,
        "water_risk_survey",
        "风险隐患排查台账_镜湖区.xlsx",
        [
            {
                "check_code": "K1",
                "enterprise_name": "甲化工",
                "district": "镜湖区",
                "checked_on": date(2023, 1, 9),
                "hazards_found": 3,
                "hazards_rectified": 2,
                "case_filed": "否",
                "contact_person": "王工",
            },
        ],
    )
    write_submission(
        inbox,
        "water_funds",
        "资金项目_2023.xlsx",
        [
            {
                "project_code": "F1",
                "project_name": "测试项目",
                "fund_type": "中央水污染防治资金",
                "amount": 5000,
                "issued_on": date(2023, 1, 18),
            },
        ],
    )
    return inbox
