"""The warehouse's own classifier on real data: CNEMC's national surface-water snapshot.

tests/data/external/cnemc-water-sections.csv is a compact copy (id, province, basin, section name, the
platform's 水质类别 and the measured pH, DO, CODMn, NH3-N, TP, TN, Chl-a) of water_data.db from
davidTeng2025/water_info_crawler (commit 2f06f7e56c1248a15e21227282581fdab8424857): one snapshot of
1,156 automatic monitoring sections. The test writes it as a section register and one month of the
documented section-monitoring submission (docs/water.md), runs the real refresh, and compares the class
the mart fct_water_section_monthly gives with the platform's.

River or lake is not in the snapshot: a section whose chlorophyll-a is measured is taken as a lake or
reservoir (automatic stations measure Chl-a on lakes, §2.2 "9+X"); the others as rivers.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.inboxes import write_submission
from tests.pipeline import run_refresh

SNAPSHOT = Path(__file__).resolve().parents[1] / "data" / "external" / "cnemc-water-sections.csv"
PLATFORM_CLASSES = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "劣Ⅴ": 6}
SAMPLED_ON = date(2024, 2, 4)  # the snapshot's "02-04" (its year is not stated)
AGREEMENT_FLOOR = 0.95
EVALUATED = ("ph", "do", "codmn", "nh3n", "tp")


def _snapshot() -> list[dict[str, str]]:
    with SNAPSHOT.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _measured(row: dict[str, str]) -> bool:
    return any(row[p] not in ("", "--") for p in EVALUATED)


def _is_lake(row: dict[str, str]) -> bool:
    return row["chla"] not in ("", "--")


@pytest.fixture(scope="module")
def classified(tmp_path_factory):
    root = tmp_path_factory.mktemp("cnemc_water")
    inbox = root / "inbox"
    # A registered section without results would (rightly) fail the ERROR check "sections evaluated =
    # register count", so the register lists the sections the snapshot has any evaluated result for.
    rows = [row for row in _snapshot() if _measured(row)]
    write_submission(
        inbox,
        "water_sections",
        "国家地表水自动监测断面名录.xlsx",
        [
            {
                "section_code": f"CN{row['id']}",
                "section_name": row["section_name"],
                "water_body": row["basin"],
                "water_body_type": "湖库" if _is_lake(row) else "河流",
                "is_national": "是",
                "is_provincial": "否",
                "is_city": "否",
            }
            for row in rows
        ],
    )
    write_submission(
        inbox,
        "water_section_monthly",
        f"国家地表水自动监测_{SAMPLED_ON:%Y%m}.xlsx",
        [
            {
                "section_code": f"CN{row['id']}",
                "section_name": row["section_name"],
                "sampled_on": SAMPLED_ON,
                **{p: row[p] for p in (*EVALUATED, "tn")},
            }
            for row in rows
        ],
    )
    result = run_refresh(inbox, root / "data")
    assert result.success
    with duckdb.connect(str(root / "data" / "warehouse.duckdb"), read_only=True) as conn:
        ours = dict(
            conn.execute(
                "SELECT section_code, class_no FROM marts.fct_water_section_monthly WHERE month_start = ?",
                [SAMPLED_ON.replace(day=1)],
            ).fetchall()
        )
    return [
        (row, ours.get(f"CN{row['id']}")) for row in rows if row["water_quality_class"] in PLATFORM_CLASSES
    ]


def test_warehouse_classifier_agrees_with_the_platform(classified):
    agree = sum(1 for row, ours in classified if ours == PLATFORM_CLASSES[row["water_quality_class"]])
    rate = agree / len(classified)
    print(f"CNEMC agreement: {agree}/{len(classified)} = {rate:.1%}")
    assert len(classified) > 1000
    assert rate >= AGREEMENT_FLOOR


def test_every_snapshot_section_with_a_class_is_classified(classified):
    assert all(ours is not None for _, ours in classified)


def test_lakes_judged_by_the_lake_phosphorus_column_agree(classified):
    """Sections taken as lakes (Chl-a measured) are judged by the lake TP limits and still agree."""
    lakes = [(row, ours) for row, ours in classified if _is_lake(row)]
    agree = sum(1 for row, ours in lakes if ours == PLATFORM_CLASSES[row["water_quality_class"]])
    assert lakes and agree / len(lakes) >= 0.85
