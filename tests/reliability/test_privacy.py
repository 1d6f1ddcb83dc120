"""Personal data stay in the build database: the published snapshot and report copies hold none of it.

The scans use their own patterns and the build database's own personal values, not the masking code's.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import duckdb
import pytest

from dagster_project.alerts import raise_alert
from dagster_project.ingest.loader import ParseContext, parse_file
from dagster_project.ingest.normalise import DistrictTable, UnitTable
from dagster_project.ingest.registry import load_registry
from dagster_project.privacy import pseudonym
from dagster_project.publish import OPS_TABLES, PublishError, published_tables
from dagster_project.settings import REFERENCE_SEEDS_DIR
from tests.inboxes import write_submission
from tests.pipeline import warehouse_env

REGISTRY = load_registry()
PERSONAL_COLUMNS = {c for spec in REGISTRY.values() for c in spec.personal_columns}
ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])"
)
PLATE = re.compile(r"皖[A-Z]·?[0-9A-Z]{5}|渔\d{5}")
MOBILE = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")


def _text_values(conn: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """Every distinct text value of every table, by schema.table.column."""
    columns = conn.execute(
        "SELECT schema_name, table_name, column_name FROM duckdb_columns() "
        "WHERE database_name = current_database() AND data_type = 'VARCHAR'"
    ).fetchall()
    return {
        f"{s}.{t}.{c}": {
            v
            for (v,) in conn.execute(
                f'SELECT DISTINCT "{c}" FROM "{s}"."{t}" WHERE "{c}" IS NOT NULL'  # noqa: S608 catalogue names
            ).fetchall()
        }
        for s, t, c in columns
    }


def _personal_values(build: duckdb.DuckDBPyConnection) -> set[str]:
    values = set()
    for spec in REGISTRY.values():
        for column in spec.personal_columns:
            rows = build.execute(
                f'SELECT DISTINCT CAST("{column}" AS VARCHAR) FROM raw."{spec.raw_table}" '  # noqa: S608 registry names
                f'WHERE "{column}" IS NOT NULL'
            ).fetchall()
            values |= {v for (v,) in rows}
    return values


def _leaks(path: Path, personal: set[str]) -> list[tuple[str, str]]:
    with duckdb.connect(str(path), read_only=True) as conn:
        views = conn.execute(
            "SELECT schema_name || '.' || view_name FROM duckdb_views() WHERE NOT internal"
        ).fetchall()
        assert views == [], f"{path} holds views, which could read what is not published"
        found = []
        for column, values in _text_values(conn).items():
            if column.rsplit(".", 1)[1] in PERSONAL_COLUMNS:
                found.append((column, "personal column"))
            for value in values:
                if (
                    value in personal
                    or ID_NUMBER.search(value)
                    or PLATE.search(value)
                    or MOBILE.search(value)
                ):
                    found.append((column, value))
        return found


@pytest.fixture(scope="module")
def personal(build_warehouse):
    values = _personal_values(build_warehouse)
    ids = [v for v in values if ID_NUMBER.fullmatch(v)]
    plates = [v for v in values if PLATE.search(v)]
    assert len(ids) > 1000 and len(plates) > 100, (
        "the sample build holds personal data, so the scan has a target"
    )
    return values


def test_no_personal_data_in_the_published_snapshot_or_report_copies(sample_build, personal):
    files = [
        sample_build / "warehouse.duckdb",
        *sorted((sample_build / "snapshots").glob("warehouse-*.duckdb")),
        *sorted((sample_build / "reports").glob("*/warehouse.duckdb")),
    ]
    assert len(files) >= 3
    assert {str(f): _leaks(f, personal) for f in files} == {str(f): [] for f in files}


def test_the_snapshot_is_exactly_the_allow_list_with_descriptions(warehouse, build_warehouse):
    allowed = {(t.schema, t.name): list(t.columns) for t in published_tables(OPS_TABLES)}
    published = {}
    for schema, table, column in warehouse.execute(
        "SELECT schema_name, table_name, column_name FROM duckdb_columns() "
        "WHERE database_name = current_database() ORDER BY schema_name, table_name, column_index"
    ).fetchall():
        published.setdefault((schema, table), []).append(column)
    assert published == allowed

    def comments(conn):
        return dict(
            conn.execute(
                "SELECT schema_name || '.' || table_name || '.' || column_name, comment "
                "FROM duckdb_columns() WHERE database_name = current_database() "
                "AND schema_name IN ('marts', 'indicators')"
            ).fetchall()
        )

    built, kept = comments(build_warehouse), comments(warehouse)
    assert kept and all(kept[c] == built[c] for c in kept)
    assert sum(1 for c in kept.values() if c) > 0.9 * len(kept)


def test_personal_data_stay_in_the_build_database(build_warehouse):
    columns = {
        c
        for (c,) in build_warehouse.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'raw'"
        ).fetchall()
    }
    assert PERSONAL_COLUMNS <= columns


def test_the_allow_list_refuses_a_model_that_selects_a_personal_column(tmp_path):
    manifest = tmp_path / "manifest.json"
    node = {"resource_type": "model", "name": "fct_leak", "schema": "marts", "alias": "fct_leak"}
    node["config"] = {"materialized": "table"}
    manifest.write_text(json.dumps({"nodes": {"m": {**node, "columns": {"case_code": {}, "id_number": {}}}}}))
    with pytest.raises(PublishError, match="marts.fct_leak.id_number"):
        published_tables(OPS_TABLES, manifest_path=manifest)


def test_the_pseudonym_is_keyed():
    id_number = "340202199001011234"
    assert pseudonym(id_number, b"key-a") == pseudonym(" 34020219900101123 4 ", b"key-a")
    assert pseudonym(id_number, b"key-a") != pseudonym(id_number, b"key-b")
    assert re.fullmatch(r"P[0-9a-f]{16}", pseudonym(id_number, b"key-a"))
    assert pseudonym("", b"key-a") is None and pseudonym(None, b"key-a") is None


def test_rejects_never_echo_a_personal_value(tmp_path):
    """An ID number typed into the agency column and a plate into the case kind: both cells are masked."""
    spec = REGISTRY["fishing_cases"]
    row = {
        "case_code": "C1",
        "opened_on": date(2023, 5, 2),
        "district": "镜湖区",
        "case_kind": "皖B12345",
        "violation_type": "非法捕捞",
        "id_number": "340202199001011234",
        "lead_agency": "340202199001011234",
    }
    path = write_submission(tmp_path, "fishing_cases", "禁捕执法案件登记台账_镜湖区_20230531.xlsx", [row])
    ctx = ParseContext(
        UnitTable.from_csv(REFERENCE_SEEDS_DIR / "units.csv"),
        DistrictTable.from_csv(REFERENCE_SEEDS_DIR / "districts.csv"),
        {},
        date(2024, 1, 1),
        b"test-key",
    )
    rejects = parse_file(path, path.name, "sha", spec, ctx).rejects
    assert {r.column_name for r in rejects} == {"case_kind", "lead_agency"}
    echoed = " ".join(f"{r.value} {r.reason}" for r in rejects)
    assert "340202199001011234" not in echoed and "皖B12345" not in echoed


def test_alerts_mask_personal_values(tmp_path):
    with warehouse_env(tmp_path / "inbox", tmp_path / "data"):
        alert = raise_alert("run-1", "raw__fishing_cases", "bad cell 340202199001011234 皖B12345", "log")
    written = next((tmp_path / "data" / "alerts").glob("*.json")).read_text(encoding="utf-8")
    assert "340202199001011234" not in alert["summary"] + written and "皖B12345" not in written
