"""The warehouse's own classifier on real data: CNEMC's national surface-water snapshot.

tests/data/external/cnemc-water-sections.csv is a compact copy (id, province, basin, section name, the
platform's 水质类别 and the measured pH, DO, CODMn, NH3-N, TP, TN, Chl-a) of water_data.db from
davidTeng2025/water_info_crawler (commit 2f06f7e56c1248a15e21227282581fdab8424857): one snapshot of
1,156 automatic monitoring sections. It goes into the session's external-data warehouse as a section
register and one month of the documented section-monitoring submission (cnemc_water.py, conftest.py); the
test compares the class the mart fct_water_section_monthly gives with the platform's.
"""

from __future__ import annotations

import duckdb
import pytest

from tests.integration.cnemc_water import PLATFORM_CLASSES, SAMPLED_ON, is_lake, measured_rows

AGREEMENT_FLOOR = 0.95


@pytest.fixture(scope="module")
def classified(external_build):
    rows = measured_rows()
    with duckdb.connect(str(external_build / "warehouse.duckdb"), read_only=True) as conn:
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
    lakes = [(row, ours) for row, ours in classified if is_lake(row)]
    agree = sum(1 for row, ours in lakes if ours == PLATFORM_CLASSES[row["water_quality_class"]])
    assert lakes and agree / len(lakes) >= 0.85
