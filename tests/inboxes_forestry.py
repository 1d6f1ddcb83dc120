"""A small, complete forestry inbox for tests that need their own refresh runs (one row or two per source)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.inboxes import write_submission


def write_small_forestry_inbox(inbox: Path) -> Path:
    """2022 and 2023 rows of every forestry source; every check passes on it."""
    for year in (2022, 2023):
        write_submission(
            inbox,
            "forestry_afforestation",
            f"造林绿化项目台账_镜湖区_{year}.xlsx",
            [
                {
                    "project_code": f"ZL{year}-1",
                    "project_name": "甲造林",
                    "district": "镜湖区",
                    "work_type": "造林绿化",
                    "area": 150,
                    "completed_on": date(year, 3, 1),
                },
                {
                    "project_code": f"ZL{year}-2",
                    "project_name": "乙抚育",
                    "district": "镜湖区",
                    "work_type": "森林抚育",
                    "area": 300,
                    "completed_on": date(year, 5, 1),
                },
            ],
            title=f"镜湖区{year}年度造林绿化项目台账",
            with_total=True,
        )
        write_submission(
            inbox,
            "forestry_forest_resources",
            f"森林资源主要指标统计表_{year}.xlsx",
            [
                {"district": "镜湖区", "land_area": 1000, "forest_area": 300, "growing_stock": 5000},
                {"district": "繁昌县", "land_area": 3000, "forest_area": 1200, "growing_stock": 20000},
            ],
            title=f"XX市{year}年度森林资源主要指标统计表",
            with_total=True,
        )
        write_submission(
            inbox,
            "forestry_forest_land_reserve",
            f"补充林地储备库入库台账_{year}.xlsx",
            [
                {
                    "parcel_code": f"B{year}",
                    "district": "南陵县",
                    "area": 12.5,
                    "accepted_on": date(year, 6, 1),
                },
            ],
        )
        write_submission(
            inbox,
            "forestry_forest_land_use",
            f"使用林地审核审批台账_{year}.xlsx",
            [
                {
                    "approval_code": f"审{year}-1",
                    "project_name": "道路",
                    "district": "无为市",
                    "area": 3.2,
                    "approved_on": date(year, 7, 1),
                },
            ],
        )
        write_submission(
            inbox,
            "forestry_protected_area_inspections",
            f"排查整治台账_{year}.xlsx",
            [
                {
                    "site_code": "S1",
                    "site_name": "甲湿地",
                    "site_type": "重要湿地",
                    "district": "无为市",
                    "inspected_on": date(year, 4, 1),
                    "problems_found": 3,
                    "problems_fixed": 2,
                },
            ],
        )
        write_submission(
            inbox,
            "forestry_wildlife_rescue",
            f"野生动物收容救护登记簿_{year}.xlsx",
            [
                {
                    "rescue_code": f"R{year}-1",
                    "received_on": date(year, 2, 1),
                    "district": "鸠江区",
                    "species": "红隼",
                    "protection_class": "国家二级",
                    "animals_reported": 3,
                    "animals_rescued": 3,
                    "animals_survived": 2,
                    "outcome": "放归",
                    "reporter_name": "王先生",
                    "reporter_phone": "13900000000",
                },
            ],
        )
    write_submission(
        inbox,
        "forestry_abandoned_mines",
        "历史遗留废弃矿山名录.xlsx",
        [
            {
                "mine_code": "K1",
                "mine_name": "甲矿",
                "district": "繁昌区",
                "mine_type": "非煤矿山",
                "listed_area": 4.0,
            },
            {
                "mine_code": "K2",
                "mine_name": "乙矿",
                "district": "繁昌区",
                "mine_type": "非煤矿山",
                "listed_area": 6.0,
            },
        ],
    )
    write_submission(
        inbox,
        "forestry_mine_restoration",
        "矿山生态修复项目台账_报送20231205.xlsx",
        [
            {
                "project_code": "P1",
                "project_name": "甲矿修复",
                "district": "繁昌区",
                "mine_category": "历史遗留废弃矿山",
                "mine_code": "K1",
                "restored_area": 4.0,
                "is_completed": "是",
                "completed_on": date(2023, 5, 1),
            },
            {
                "project_code": "P2",
                "project_name": "在产矿修复",
                "district": "繁昌区",
                "mine_category": "在建与生产矿山",
                "restored_area": 2.0,
                "is_completed": "是",
                "completed_on": date(2023, 6, 1),
            },
        ],
    )
    write_submission(
        inbox,
        "forestry_ancient_trees",
        "古树名木资源档案.xlsx",
        [
            {
                "tree_id": "T1",
                "species": "银杏",
                "district": "南陵县",
                "age_years": 520,
                "grade": "一级",
                "is_tagged": "是",
                "tagged_on": date(2023, 3, 1),
                "repaired_on": date(2023, 8, 1),
                "repair_subsidy": 5000,
            },
            {
                "tree_id": "T2",
                "species": "香樟",
                "district": "南陵县",
                "age_years": 150,
                "grade": "三级",
                "is_tagged": "是",
                "tagged_on": date(2022, 3, 1),
            },
        ],
    )
    write_submission(
        inbox,
        "forestry_alligator_releases",
        "扬子鳄野外放归记录.xlsx",
        [
            {
                "release_code": "Y1",
                "released_on": date(2023, 5, 1),
                "district": "南陵县",
                "site": "保护区",
                "alligators": 10,
            },
        ],
    )
    return inbox
