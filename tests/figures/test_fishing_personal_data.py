"""Offenders' names, ID numbers and boat or vehicle plates stay in the build database's raw layer.

The published snapshot is scanned as a whole by tests/reliability/test_privacy.py; here the fishing marts
and the pseudonym that replaces the ID number.
"""

import pytest

from dagster_project.ingest.registry import load_registry

PERSONAL_COLUMNS = load_registry()["fishing_cases"].personal_columns


def test_case_register_declares_its_personal_columns():
    assert set(PERSONAL_COLUMNS) == {"offender_name", "id_number", "vessel_plate"}


@pytest.fixture(scope="module")
def personal_values(build_warehouse):
    values = set()
    for column in PERSONAL_COLUMNS:
        rows = build_warehouse.execute(
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


def test_offender_key_is_one_pseudonym_per_id_number(build_warehouse):
    """The same person (ID number up to spaces and case) always gets the same key, and no two share one."""
    keys_per_person, persons_per_key = build_warehouse.execute(
        """WITH cases AS (
               SELECT upper(regexp_replace(id_number, '\\s', '', 'g')) AS person, offender_key
               FROM raw.fishing_cases WHERE id_number IS NOT NULL)
           SELECT
               (SELECT max(n) FROM (SELECT count(DISTINCT offender_key) AS n FROM cases GROUP BY person)),
               (SELECT max(n) FROM (SELECT count(DISTINCT person) AS n FROM cases GROUP BY offender_key))"""
    ).fetchone()
    assert (keys_per_person, persons_per_key) == (1, 1)
