"""Shared fixtures: the sample warehouse is built once per test session and shared."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.pipeline import REPO_ROOT, run_refresh


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """One full refresh of the bundled sample (seeds/raw) into a session data dir."""
    data_dir = tmp_path_factory.mktemp("sample_data")
    result = run_refresh(REPO_ROOT / "seeds" / "raw", data_dir)
    assert result.success, "the sample refresh failed; see the Dagster log above"
    return data_dir


@pytest.fixture(scope="session")
def warehouse(sample_build: Path):
    """A read-only connection to the published sample snapshot, as an analyst opens it."""
    conn = duckdb.connect(str(sample_build / "warehouse.duckdb"), read_only=True)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def build_warehouse(sample_build: Path):
    """The build database of the sample refresh: the only place personal data are kept."""
    conn = duckdb.connect(str(sample_build / "build" / "warehouse.duckdb"), read_only=True)
    yield conn
    conn.close()
