"""`make query`: the read-only shell on the published snapshot, driven through its -c mode."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from tests.pipeline import REPO_ROOT

pytestmark = pytest.mark.sample


def _query(database, command: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dagster_project.query", "--database", str(database), "-c", command],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def snapshot(sample_build):
    return sample_build / "warehouse.duckdb"


def test_a_query_prints_its_rows_as_a_table(snapshot, warehouse):
    done = _query(
        snapshot, "select area, value from indicators.fct_indicator_values order by value desc limit 3"
    )
    assert done.returncode == 0, done.stderr
    top = warehouse.execute(
        "select area, value from indicators.fct_indicator_values order by value desc limit 3"
    ).fetchall()
    lines = [line for line in done.stdout.splitlines() if line.startswith("│")]
    assert len(lines) == 2 + len(top)  # the names, the types, the rows
    assert "area" in lines[0] and "value" in lines[0] and "varchar" in lines[1]
    assert [line.split("│")[1].strip() for line in lines[2:]] == [area for area, _ in top]


def test_tables_and_describe_show_the_chinese_descriptions(snapshot):
    tables = _query(snapshot, ".tables ops")
    assert tables.returncode == 0 and "figure_revisions" in tables.stdout and "发布记录" in tables.stdout
    assert "fct_air_quality_period" not in tables.stdout
    described = _query(snapshot, ".describe marts.fct_air_quality_period")
    assert (
        described.returncode == 0
        and "pm25_mean_report" in described.stdout
        and "期间类型" in described.stdout
    )
    unknown = _query(snapshot, ".describe fct_no_such_table")
    assert unknown.returncode == 1 and "fct_no_such_table" in unknown.stderr


def test_the_shell_cannot_change_the_snapshot(snapshot):
    before = hashlib.sha256(snapshot.read_bytes()).hexdigest()
    for statement in ("delete from ops.publish_log", "create table marts.scratch as select 1 as x"):
        done = _query(snapshot, statement)
        assert done.returncode == 1 and "read-only" in done.stderr, statement
    assert hashlib.sha256(snapshot.read_bytes()).hexdigest() == before


def test_a_missing_snapshot_is_named(tmp_path):
    done = _query(tmp_path / "warehouse.duckdb", "select 1")
    assert done.returncode == 2 and "make run" in done.stderr and str(tmp_path) in done.stderr


def test_the_interactive_shell_joins_lines_until_the_semicolon_and_keeps_history(snapshot, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "dagster_project.query", "--database", str(snapshot)],
        input="select 40\n  + 2 as answer;\n.describe nope\nselect 'still open' as status;\n.quit\n",
        cwd=REPO_ROOT,
        env={**os.environ, "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "answer" in done.stdout and "│     42 │" in done.stdout
    assert (
        ".describe nope" in done.stderr and "still open" in done.stdout
    )  # an error does not end the session
    assert (tmp_path / ".warehouse_query_history").exists()
