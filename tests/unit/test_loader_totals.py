"""A 合计 row carries only its label and the totals; its empty descriptive columns are not errors."""

from datetime import date
from pathlib import Path

from dagster_project.ingest.loader import ParseContext, parse_file
from dagster_project.ingest.normalise import DistrictTable, UnitTable
from dagster_project.ingest.registry import load_registry
from dagster_project.settings import REFERENCE_SEEDS_DIR
from tests.inboxes import write_submission


def test_total_row_of_a_project_register_is_kept_aside_not_rejected(tmp_path: Path):
    rows = [
        {
            "project_code": f"P{i}",
            "project_name": f"项目{i}",
            "district": "南陵县",
            "work_type": "造林绿化",
            "area": 100 * i,
            "completed_on": date(2023, 3, i),
        }
        for i in (1, 2)
    ]
    path = write_submission(
        tmp_path,
        "forestry_afforestation",
        "造林绿化项目台账_南陵县_2023.xlsx",
        rows,
        title="南陵县2023年度造林绿化项目台账",
        with_total=True,
    )
    ctx = ParseContext(
        UnitTable.from_csv(REFERENCE_SEEDS_DIR / "units.csv"),
        DistrictTable.from_csv(REFERENCE_SEEDS_DIR / "districts.csv"),
        {},
        date(2024, 1, 1),
    )

    parsed = parse_file(path, path.name, "sha", load_registry()["forestry_afforestation"], ctx)

    assert parsed.rejects == []
    assert [r["project_code"] for r in parsed.rows] == ["P1", "P2"]
    assert [(t["project_code"], t["area"], t["project_name"]) for t in parsed.totals] == [("合计", 300, None)]


def test_detail_row_missing_a_required_value_is_still_rejected(tmp_path: Path):
    rows = [
        {"project_code": "P1", "project_name": None, "district": "南陵县", "work_type": "造林绿化", "area": 5}
    ]
    path = write_submission(
        tmp_path,
        "forestry_afforestation",
        "造林绿化项目台账_南陵县_2023.xlsx",
        rows,
        title="南陵县2023年度造林绿化项目台账",
    )
    ctx = ParseContext(
        UnitTable.from_csv(REFERENCE_SEEDS_DIR / "units.csv"),
        DistrictTable.from_csv(REFERENCE_SEEDS_DIR / "districts.csv"),
        {},
        date(2024, 1, 1),
    )

    parsed = parse_file(path, path.name, "sha", load_registry()["forestry_afforestation"], ctx)

    assert parsed.rows == [] and [r.column_name for r in parsed.rejects] == ["project_name"]
