"""Offenders' names, ID numbers and boat or vehicle plates stay in the raw layer: no mart carries them."""

import pytest

from dagster_project.ingest.registry import load_registry

PERSONAL_COLUMNS = load_registry()["fishing_cases"].personal_columns


def test_case_register_declares_its_personal_columns():
    assert set(PERSONAL_COLUMNS) == {"offender_name", "id_number", "vessel_plate"}


@pytest.fixture(scope="module")
def personal_values(warehouse):
    values = set()
    for column in PERSONAL_COLUMNS:
        rows = warehouse.execute(
            f"SELECT DISTINCT {column} FROM raw.fishing_cases WHERE {column} IS NOT NULL"  # noqa: S608 registry names
        ).fetchall()
        values |= {row[0] for row in rows}
    assert len(values) > 1000, "the sample register holds offenders' personal data in raw"
    return values


def _columns(warehouse, schema):
    return warehouse.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ?", [schema]
    ).fetchall()


@pytest.mark.parametrize("schema", ["staging", "intermediate", "marts"])
def test_no_personal_column_leaves_raw(warehouse, schema):
    leaked = [(t, c) for t, c in _columns(warehouse, schema) if c in PERSONAL_COLUMNS]
    assert leaked == []


def test_no_mart_value_is_a_name_id_number_or_plate(warehouse, personal_values):
    leaked = []
    for table, column in _columns(warehouse, "marts"):
        rows = warehouse.execute(
            f'SELECT DISTINCT CAST("{column}" AS VARCHAR) FROM marts."{table}"'  # noqa: S608 catalog names
        ).fetchall()
        leaked += [(table, column, value) for (value,) in rows if value in personal_values]
    assert leaked == []


def test_offender_key_is_a_stable_pseudonym(warehouse):
    keys = warehouse.execute(
        "SELECT count(DISTINCT offender_key), count(DISTINCT id_number) "
        "FROM staging.stg_fishing__cases AS s JOIN raw.fishing_cases AS r "
        "ON r._file_identity || '|' || r.case_code = s.record_id"
    ).fetchone()
    assert keys[0] == keys[1]
