"""A small fishing-ban inbox for tests that need their own refresh runs (see tests/inboxes.py)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.inboxes import write_submission

ROSTER = [
    {
        "district": "鸠江区",
        "enforcement_staff": 20,
        "team_city": 6,
        "team_county": 10,
        "team_township": 15,
        "team_subtotal": 31,
        "warden_county": 3,
        "warden_township": 20,
        "warden_village": 60,
        "warden_subtotal": 83,
    },
    {
        "district": "繁昌县",
        "enforcement_staff": 12,
        "team_county": 8,
        "team_township": 11,
        "team_subtotal": 19,
        "warden_county": 2,
        "warden_township": 14,
        "warden_village": 40,
        "warden_subtotal": 56,
    },
]


def _patrols(year: int) -> list[dict]:
    return [
        {
            "patrol_code": f"XC{year}-{i:03d}",
            "patrol_date": date(year, 1, 3) + timedelta(days=i),
            "district": "无为县",
            "water_body": "长江干流",
            "patrol_mode": "联合执法" if i % 3 == 0 else "单独巡查",
            "lead_agency": "渔政",
            "staff": 10 + i,
            "vehicles": 2,
            "boats": i % 2,
            "water_km": 12.5,
        }
        for i in range(8)
    ]


def _cases() -> list[dict]:
    def case(code, day, district, kind, violation, joint, id_number, fine):
        return {
            "case_code": code,
            "opened_on": day,
            "district": district,
            "case_kind": kind,
            "violation_type": violation,
            "lead_agency": "渔政" if kind == "行政" else "公安",
            "joint_operation": joint,
            "offender_name": f"当事人{code}",
            "id_number": id_number,
            "vessel_plate": f"皖芜湖渔{code}",
            "fine_yuan": fine,
            "transferred": "是" if kind == "刑事" else "否",
        }

    return [
        case("A001", date(2023, 1, 5), "鸠江区", "行政", "违规垂钓", None, "340202199001011234", 200),
        case("A002", date(2023, 1, 9), "鸠江区", "行政", "违规垂钓", None, "340202199102021235", 300),
        case("A003", date(2023, 1, 12), "鸠江区", "行政", "非法捕捞", "LH-1", "340202198503031236", 2000),
        case("B001", date(2023, 1, 12), "无为市", "行政", "非法捕捞", "LH-1", "340202198503031236", 2000),
        case("B002", date(2022, 1, 20), "无为市", "刑事", "非法捕捞", None, "340281197704041237", None),
    ]


def write_small_fishing_inbox(inbox: Path) -> Path:
    """January 2022 and 2023 logs, a case register with one joint-operation duplicate, every register."""
    for year in (2022, 2023):
        write_submission(
            inbox,
            "fishing_patrols",
            f"禁捕执法巡查台账_{year}01.xlsx",
            _patrols(year),
            title=f"XX市长江禁捕执法巡查台账（{year}年1月）",
        )
        write_submission(
            inbox,
            "fishing_confiscations",
            f"清理取缔台账_{year}01.xlsx",
            [
                {
                    "action_code": f"QL{year}-1",
                    "action_date": date(year, 1, 10),
                    "district": "无为市",
                    "item": "残留废弃网具",
                    "quantity": 12,
                    "quantity_unit": "顶",
                },
                {
                    "action_code": f"QL{year}-2",
                    "action_date": date(year, 1, 11),
                    "district": "无为市",
                    "item": "残留废弃网具",
                    "quantity": 5,
                    "quantity_unit": "张",
                },
                {
                    "action_code": f"QL{year}-3",
                    "action_date": date(year, 1, 12),
                    "district": "无为市",
                    "item": "残留废弃网具",
                    "quantity": 800,
                    "quantity_unit": "米",
                },
                {
                    "action_code": f"QL{year}-4",
                    "action_date": date(year, 1, 13),
                    "district": "繁昌区",
                    "item": "涉渔三无船舶",
                    "quantity": 2,
                    "quantity_unit": "艘",
                },
            ],
            title=f"XX市禁捕水域清理取缔台账（{year}年1月）",
        )
    write_submission(
        inbox,
        "fishing_cases",
        "禁捕执法案件登记台账_鸠江区_20230131.xlsx",
        [c for c in _cases() if c["district"] == "鸠江区"],
    )
    write_submission(
        inbox,
        "fishing_cases",
        "禁捕执法案件登记台账_无为市_20230131.xlsx",
        [c for c in _cases() if c["district"] == "无为市"],
    )
    write_submission(
        inbox,
        "fishing_rosters",
        "禁捕护渔力量统计表_202301.xlsx",
        ROSTER,
        title="XX市长江禁捕护渔力量统计表（截至2023年1月底）",
        with_total=True,
    )
    write_submission(
        inbox,
        "fishing_equipment",
        "禁渔监管设备台账_20230131.xlsx",
        [
            {
                "device_code": "GD001",
                "device_type": "光电设备",
                "district": "无为市",
                "installed_on": date(2021, 5, 1),
            },
            {
                "device_code": "GD002",
                "device_type": "光电设备",
                "district": "无为市",
                "installed_on": date(2021, 5, 1),
                "removed_on": date(2022, 12, 1),
            },
            {
                "device_code": "LD001",
                "device_type": "共享海事雷达",
                "district": "繁昌区",
                "installed_on": date(2022, 3, 1),
            },
        ],
    )
    write_submission(
        inbox,
        "fishing_publicity",
        "禁渔宣传工作台账_2023.xlsx",
        [
            {
                "entry_code": "E1",
                "publicised_on": date(2023, 1, 4),
                "channel": "提醒短信",
                "quantity": 20000,
                "quantity_unit": "条",
            },
            {
                "entry_code": "E2",
                "publicised_on": date(2023, 1, 6),
                "district": "南陵县",
                "channel": "宣传材料",
                "quantity": "约3000",
                "quantity_unit": "份",
            },
            {
                "entry_code": "E3",
                "publicised_on": date(2023, 1, 8),
                "channel": "市级以上媒体",
                "quantity": 1,
                "quantity_unit": "次",
            },
        ],
    )
    return inbox
