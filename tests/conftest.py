"""Shared fixtures: the sample warehouse and the small air warehouses are built once per test session and
shared, across xdist workers too (a refresh costs minutes; the tests only read these builds or copy them).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from tests.inboxes import write_small_air_inbox
from tests.pipeline import REPO_ROOT, run_refresh

BUILT_MARKER = "build.succeeded"
FAILED_MARKER = "build.failed"


def shared_build(tmp_path_factory, name: str, build: Callable[[Path], bool]) -> Path:
    """`build(root)` once per session: the first worker to ask builds under a file lock in the session's
    base temp dir, the others wait for it and reuse the result (pytest-xdist's documented pattern)."""
    session_dir = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        session_dir = session_dir.parent
    root = session_dir / name
    with (session_dir / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (session_dir / f"{name}.{BUILT_MARKER}").exists():
            assert not (session_dir / f"{name}.{FAILED_MARKER}").exists(), (
                f"the shared build {name} failed in another worker; see its Dagster log"
            )
            if not build(root):
                (session_dir / f"{name}.{FAILED_MARKER}").touch()
                pytest.fail(f"the shared build {name} failed; see the Dagster log above")
            (session_dir / f"{name}.{BUILT_MARKER}").touch()
    return root


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """One full refresh of the bundled sample (seeds/raw) into a session data dir."""

    def build(root: Path) -> bool:
        return run_refresh(REPO_ROOT / "seeds" / "raw", root / "data").success

    return shared_build(tmp_path_factory, "sample", build) / "data"


def _small_air_build(days: int) -> Callable[[Path], bool]:
    def build(root: Path) -> bool:
        return run_refresh(write_small_air_inbox(root / "inbox", days=days), root / "data").success

    return build


@pytest.fixture(scope="session")
def small_air_build(tmp_path_factory) -> Path:
    """inbox/ and data/ of one refresh of the small air inbox (3 days of January 2022 and 2023).

    Read it, or copy it (shutil.copytree) before changing its inbox or data."""
    return shared_build(tmp_path_factory, "small_air", _small_air_build(days=3))


@pytest.fixture(scope="session")
def one_day_air_build(tmp_path_factory) -> Path:
    """inbox/ and data/ of one refresh of the small air inbox with one day of each January: copy it first."""
    return shared_build(tmp_path_factory, "one_day_air", _small_air_build(days=1))


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
