"""Every published table and column carries a real Chinese description; raw ones come from the registry."""

from __future__ import annotations

import re

import pytest

from dagster_project.ingest.normalise import UnitTable
from dagster_project.ingest.registry import load_registry
from dagster_project.ingest.schema import source_columns
from dagster_project.publish.raw_descriptions import column_descriptions, table_description
from dagster_project.settings import REFERENCE_SEEDS_DIR

CHINESE = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDERS = re.compile(r"TODO|TBD|FIXME|待补充|待定|暂无说明|placeholder", re.IGNORECASE)
REGISTRY = load_registry()
CONVERTIBLE = UnitTable.from_csv(REFERENCE_SEEDS_DIR / "units.csv").units()


def _not_a_description(name: str, comment: str | None) -> bool:
    return (
        not comment
        or not CHINESE.search(comment)
        or comment.strip() == name
        or bool(PLACEHOLDERS.search(comment))
    )


@pytest.mark.sample
def test_every_published_table_has_a_chinese_description(warehouse):
    tables = warehouse.execute(
        "SELECT schema_name, table_name, comment FROM duckdb_tables() "
        "WHERE database_name = current_database()"
    ).fetchall()
    assert {s for s, _, _ in tables} >= {"raw", "reference", "intermediate", "marts", "indicators", "ops"}
    assert [f"{s}.{t}: {c!r}" for s, t, c in tables if _not_a_description(t, c)] == []


@pytest.mark.sample
def test_every_published_column_has_a_chinese_description(warehouse):
    columns = warehouse.execute(
        "SELECT schema_name, table_name, column_name, comment FROM duckdb_columns() "
        "WHERE database_name = current_database()"
    ).fetchall()
    assert len(columns) > 1000
    assert [f"{s}.{t}.{c}: {d!r}" for s, t, c, d in columns if _not_a_description(c, d)] == []


@pytest.mark.sample
def test_raw_descriptions_are_the_registrys(warehouse):
    spec = REGISTRY["air_hourly"]
    comments = dict(
        warehouse.execute(
            "SELECT column_name, comment FROM duckdb_columns() "
            "WHERE schema_name = 'raw' AND table_name = 'air_hourly'"
        ).fetchall()
    )
    assert comments == column_descriptions(spec, CONVERTIBLE)
    (table_comment,) = warehouse.execute(
        "SELECT comment FROM duckdb_tables() WHERE schema_name = 'raw' AND table_name = 'air_hourly'"
    ).fetchone()
    assert spec.description_zh in table_comment and spec.department in table_comment


def test_every_column_the_loader_writes_is_described_from_its_registry_entry():
    for spec in REGISTRY.values():
        assert set(column_descriptions(spec, CONVERTIBLE)) == set(source_columns(spec, CONVERTIBLE)), (
            spec.name
        )


def test_generated_descriptions_name_the_header_unit_and_companion_columns():
    hourly = column_descriptions(REGISTRY["air_hourly"], CONVERTIBLE)
    assert hourly["pm25"].startswith("PM2.5") and "pm25_unit" in hourly["pm25"] and "ug/m3" in hourly["pm25"]
    assert hourly["pm25_unit"].startswith("PM2.5的报送计量单位")
    sections = column_descriptions(REGISTRY["water_sections"], CONVERTIBLE)
    assert sections["district"].startswith("所在区县") and "也作：区县" in sections["district"]
    trees = column_descriptions(REGISTRY["forestry_ancient_trees"], CONVERTIBLE)
    assert "单位：年" in trees["age_years"] and "age_years_qualifier" in trees["age_years"]
    assert trees["age_years_qualifier"].startswith("树龄报送时所带的约数词")
    cases = column_descriptions(REGISTRY["fishing_cases"], CONVERTIBLE)
    assert cases["offender_key"].startswith("身份证号码的化名")
    assert cases["_file_path"].startswith("血缘")


def test_a_totals_table_says_which_rows_it_keeps():
    spec = REGISTRY["air_enforcement"]
    totals, details = table_description(spec, totals=True), table_description(spec)
    assert f"“{spec.total_row_label}”行" in totals and f"“{spec.total_row_label}”行" not in details
