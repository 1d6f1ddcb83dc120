"""data/exports/: a Parquet file per published mart and indicator table, a dictionary, swapped in whole."""

from __future__ import annotations

import csv
import shutil
from dataclasses import replace

import duckdb
import pytest

from dagster_project.publish import exports
from dagster_project.publish.exports import DICTIONARY_HEADER, write_exports
from dagster_project.settings import Settings


def _published_tables(warehouse) -> dict[str, int]:
    tables = warehouse.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name IN ('marts', 'indicators')"
    ).fetchall()
    return {
        f"{s}/{t}.parquet": warehouse.execute(f'SELECT count(*) FROM "{s}"."{t}"').fetchone()[0]  # noqa: S608
        for s, t in tables
    }


@pytest.mark.sample
def test_every_mart_and_indicator_table_is_exported_with_its_rows(sample_build, warehouse):
    folder = sample_build / "exports"
    expected = _published_tables(warehouse)
    assert len(expected) > 40 and "indicators/fct_indicator_values.parquet" in expected
    written = {p.relative_to(folder).as_posix(): p for p in folder.glob("*/*.parquet")}
    assert set(written) == set(expected)
    with duckdb.connect() as conn:
        rows = {
            name: conn.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()[0]
            for name, path in written.items()
        }
    assert rows == expected


@pytest.mark.sample
def test_the_dictionary_lists_every_exported_column_with_type_and_description(sample_build, warehouse):
    with (sample_build / "exports" / "dictionary.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == DICTIONARY_HEADER
    published = warehouse.execute(
        "SELECT schema_name, table_name, column_name, data_type, comment FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name IN ('marts', 'indicators') "
        "ORDER BY schema_name, table_name, column_index"
    ).fetchall()
    assert [tuple(r) for r in rows[1:]] == [tuple(r) for r in published]
    assert all(r[4] for r in rows[1:])
    readme = (sample_build / "exports" / "README.md").read_text(encoding="utf-8")
    assert "`marts/fct_air_quality_period.parquet`" in readme


@pytest.fixture
def settings(tmp_path, sample_build):
    settings = replace(Settings.from_env(), data_dir=tmp_path)
    shutil.copy(sample_build / "warehouse.duckdb", settings.published_db)
    return settings


def test_a_new_export_replaces_the_old_set_whole(settings):
    write_exports(settings, "run-one")
    first = settings.exports_dir.resolve()
    write_exports(settings, "run-two")
    second = settings.exports_dir.resolve()
    assert settings.exports_dir.is_symlink() and first != second and second.name.endswith("run-two")
    assert not first.exists()
    assert sorted(p.name for p in (settings.data_dir / "export_versions").iterdir()) == [second.name]


def test_an_export_that_fails_leaves_the_previous_set_in_place(settings, monkeypatch):
    write_exports(settings, "run-one")
    before = settings.exports_dir.resolve()
    written = exports._write_version

    def fail_after_writing(published_db, folder):
        written(published_db, folder)
        raise OSError("disk full")

    monkeypatch.setattr(exports, "_write_version", fail_after_writing)
    with pytest.raises(OSError, match="disk full"):
        write_exports(settings, "run-two")
    assert settings.exports_dir.resolve() == before
    assert (settings.exports_dir / "dictionary.csv").exists()
    monkeypatch.undo()
    write_exports(settings, "run-three")
    assert [p.name for p in (settings.data_dir / "export_versions").iterdir()] == [
        settings.exports_dir.resolve().name
    ]
