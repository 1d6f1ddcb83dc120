"""The CNEMC national surface-water snapshot (tests/data/external/cnemc-water-sections.csv) as a section
register and one month of the documented section-monitoring submission (docs/water.md).

River or lake is not in the snapshot: a section whose chlorophyll-a is measured is taken as a lake or
reservoir (automatic stations measure Chl-a on lakes, §2.2 "9+X"); the others as rivers.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from tests.inboxes import write_submission

SNAPSHOT = Path(__file__).resolve().parents[1] / "data" / "external" / "cnemc-water-sections.csv"
PLATFORM_CLASSES = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "劣Ⅴ": 6}
SAMPLED_ON = date(2024, 2, 4)  # the snapshot's "02-04" (its year is not stated)
EVALUATED = ("ph", "do", "codmn", "nh3n", "tp")


def _snapshot() -> list[dict[str, str]]:
    with SNAPSHOT.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _measured(row: dict[str, str]) -> bool:
    return any(row[p] not in ("", "--") for p in EVALUATED)


def is_lake(row: dict[str, str]) -> bool:
    return row["chla"] not in ("", "--")


def measured_rows() -> list[dict[str, str]]:
    """The snapshot's sections with any evaluated result."""
    return [row for row in _snapshot() if _measured(row)]


def write_cnemc_inbox(inbox: Path) -> None:
    # A registered section without results would (rightly) fail the ERROR check "sections evaluated =
    # register count", so the register lists the sections the snapshot has any evaluated result for.
    rows = measured_rows()
    write_submission(
        inbox,
        "water_sections",
        "国家地表水自动监测断面名录.xlsx",
        [
            {
                "section_code": f"CN{row['id']}",
                "section_name": row["section_name"],
                "water_body": row["basin"],
                "water_body_type": "湖库" if is_lake(row) else "河流",
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
