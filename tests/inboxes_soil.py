"""A small soil inbox for tests that need their own refresh runs: every soil source, 2022 and 2023."""

from __future__ import annotations

from pathlib import Path

from tests.inboxes import write_submission


def manure_rows(produced: int, utilised: int) -> list[dict]:
    """Two districts reporting a January form (累计 equal to 本月)."""
    return [
        {
            "district": district,
            "manure_produced_month": produced,
            "manure_produced_ytd": produced,
            "manure_utilised_month": utilised,
            "manure_utilised_ytd": utilised,
        }
        for district in ("南陵县", "繁昌县")
    ]


def write_small_soil_inbox(inbox: Path) -> Path:
    write_submission(
        inbox,
        "soil_plot_surveys",
        "地块台账_20231205.xlsx",
        [
            {
                "plot_code": "DK1",
                "plot_name": "原甲化工厂地块",
                "district": "镜湖区",
                "planned_land_use": "居住用地",
                "survey_stage": "第一阶段",
                "started_on": "2022-10-01",
                "report_completed_on": "2023-02-01",
                "reviewed_on": "2023-03-01",
                "risk_result": "未超过筛选值",
            },
            {
                "plot_code": "DK2",
                "plot_name": "原乙机械厂地块",
                "district": "鸠江区",
                "planned_land_use": "工业用地",
                "survey_stage": "第一阶段",
                "started_on": "2023-01-10",
            },
        ],
    )
    for district, done in (("南陵县", ["2021-05-01", "2023-01-15", None]), ("繁昌县", ["2022-03-01", None])):
        write_submission(
            inbox,
            "soil_villages",
            f"行政村台账_{district}_20231205.xlsx",
            [
                {
                    "village_code": f"{district}{i}",
                    "village_name": f"村{i}",
                    "district": district,
                    "sewage_done_on": day,
                }
                for i, day in enumerate(done)
            ],
        )
    write_submission(
        inbox,
        "soil_sewage_facility_inspections",
        "排查记录_20231205.xlsx",
        [
            {
                "inspection_no": "P1",
                "facility_code": "F1",
                "district": "南陵县",
                "inspected_on": "2022-04-01",
            },
            {
                "inspection_no": "P2",
                "facility_code": "F1",
                "district": "南陵县",
                "inspected_on": "2023-01-20",
            },
            {
                "inspection_no": "P3",
                "facility_code": "F2",
                "district": "南陵县",
                "inspected_on": "2023-01-25",
            },
        ],
    )
    write_submission(
        inbox,
        "soil_black_odorous_water",
        "黑臭水体清单_20231205.xlsx",
        [
            {
                "water_body_code": "W1",
                "water_body_name": "甲塘",
                "district": "无为市",
                "list_level": "国家监管清单",
                "listed_on": "2021-03-01",
                "treated_on": "2022-05-01",
                "accepted_on": "2022-06-01",
            },
            {
                "water_body_code": "W2",
                "water_body_name": "乙沟",
                "district": "无为市",
                "list_level": "市级清单",
                "listed_on": "2022-01-01",
                "treated_on": "2023-01-10",
            },
        ],
    )
    write_submission(
        inbox,
        "soil_scale_farms",
        "规模养殖场台账_2023.xlsx",
        [
            {
                "farm_code": "A",
                "farm_name": "甲养殖场",
                "district": "湾沚区",
                "owner_name": "张三",
                "species": "生猪",
                "is_large_scale": "是",
                "filed_on": "2015-01-01",
                "facility_equipped": "是",
                "equipped_on": "2018-01-01",
            },
            {
                "farm_code": "B",
                "farm_name": "乙养殖场",
                "district": "湾沚区",
                "species": "蛋鸡",
                "is_large_scale": "否",
                "filed_on": "2016-01-01",
                "facility_equipped": "是",
                "equipped_on": "2022-01-05",
            },
        ],
    )
    for year, produced, utilised in ((2022, 1000, 880), (2023, 1200, 1080)):
        write_submission(
            inbox,
            "soil_manure_monthly",
            f"畜禽粪污月报表_{year}01.xlsx",
            manure_rows(produced, utilised),
            title=f"畜禽粪污产生与资源化利用情况月报表（{year}年1月）",
            with_total=True,
        )
    write_submission(
        inbox,
        "soil_manure_subsidies",
        "奖补申报_2023.xlsx",
        [
            {
                "application_no": "J1",
                "farm_code": "A",
                "farm_name": "甲养殖场",
                "district": "湾沚区",
                "applied_on": "2023-01-12",
                "subsidy_amount": 5,
            },
        ],
    )
    write_submission(
        inbox,
        "soil_fertilizer_demo_sites",
        "示范点名单_2023.xlsx",
        [
            {
                "site_code": "Y1",
                "site_name": "甲示范点",
                "district": "南陵县",
                "established_on": "2023-01-05",
            },
        ],
    )
    write_submission(
        inbox,
        "soil_rural_inspections",
        "督查暗访记录_20231205.xlsx",
        [
            {
                "inspection_no": "D1",
                "inspected_on": "2023-01-18",
                "district": "南陵县",
                "inspection_form": "暗访",
                "problems_found": 4,
            },
        ],
    )
    for year in (2022, 2023):
        write_submission(
            inbox,
            "soil_rural_reward_funds",
            f"以奖代补资金下达表_{year}.xlsx",
            [
                {
                    "document_no": f"X财农〔{year}〕1号",
                    "district": district,
                    "allocated_on": f"{year}-01-20",
                    "amount": 100,
                }
                for district in ("南陵县", "繁昌区")
            ],
            title=f"{year}年度以奖代补资金下达情况表",
            with_total=True,
        )
    write_submission(
        inbox,
        "soil_hazwaste_inspections",
        "检查记录_2023.xlsx",
        [
            {
                "check_no": "C1",
                "enterprise_code": "E1",
                "enterprise_name": "甲化工",
                "district": "鸠江区",
                "checked_on": "2023-01-11",
                "problems_found": 3,
                "problems_rectified": 2,
            },
            {
                "check_no": "C2",
                "enterprise_code": "E2",
                "enterprise_name": "乙电镀",
                "district": "鸠江区",
                "checked_on": "2023-01-21",
                "problems_found": 1,
                "problems_rectified": 1,
            },
        ],
    )
    write_submission(
        inbox,
        "soil_hazwaste_cases",
        "案件台账_20231205.xlsx",
        [
            {
                "case_no": "K1",
                "filed_on": "2023-01-09",
                "district": "鸠江区",
                "legal_representative": "李四",
                "violation_type": "非法转移危险废物",
            },
        ],
    )
    write_submission(
        inbox,
        "soil_hazwaste_trainings",
        "培训记录_20231205.xlsx",
        [
            {
                "training_no": "T1",
                "trained_on": "2023-01-16",
                "training_kind": "医疗废物",
                "participants": "80余",
            },
        ],
    )
    return inbox
