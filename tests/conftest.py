"""Shared fixtures: the sample warehouse and the small air warehouse are built once per test session and
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
from tests.inboxes_fishing import write_small_fishing_inbox
from tests.inboxes_forestry import write_small_forestry_inbox
from tests.inboxes_soil import write_small_soil_inbox
from tests.inboxes_water import write_small_water_inbox
from tests.pipeline import REPO_ROOT, run_refresh

BUILT_MARKER = "build.succeeded"
# the builds shared by the session, the longest first
SHARED_BUILDS = ("sample_build", "quality_build", "external_build", "small_air_build")
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Order the modules so that no xdist worker waits on a build lock while there is other work.

    With `--dist loadfile --no-loadscope-reorder` each worker takes modules in this order. (Without the
    flag, xdist hands out the modules with the most tests first: a worker waited ~100 s for the sample
    build in a module that needed it, while modules that need no build were still queued.) One module
    per shared build goes first, so each build starts at once in one worker; then the modules that need
    no shared build, which keep the other worker busy; then the other users of each build, the sample's
    last. The order is the same in every worker, as xdist requires.
    """
    builds_of: dict[Path, set[str]] = {}
    for item in items:
        builds_of.setdefault(item.path, set()).update(set(SHARED_BUILDS) & set(item.fixturenames))
    openers = {
        build: next(module for module, builds in builds_of.items() if build in builds)
        for build in SHARED_BUILDS
        if any(build in builds for builds in builds_of.values())
    }
    opener_rank = {module: rank for rank, module in enumerate(dict.fromkeys(openers.values()))}

    def rank(item: pytest.Item) -> tuple[int, int]:
        builds = builds_of[item.path]
        if item.path in opener_rank:
            return 0, opener_rank[item.path]
        if not builds:
            return 1, 0
        return (3 if "sample_build" in builds else 2), 0

    items.sort(key=rank)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """One full refresh of the bundled sample (seeds/raw) into a session data dir."""

    def build(root: Path) -> bool:
        return run_refresh(REPO_ROOT / "seeds" / "raw", root / "data").success

    return shared_build(tmp_path_factory, "sample", build) / "data"


@pytest.fixture(scope="session")
def small_air_build(tmp_path_factory) -> Path:
    """inbox/ and data/ of one refresh of the small air inbox (3 days of January 2022 and 2023).

    Read it, or copy it (shutil.copytree) before changing its inbox or data."""

    def build(root: Path) -> bool:
        return run_refresh(write_small_air_inbox(root / "inbox"), root / "data").success

    return shared_build(tmp_path_factory, "small_air", build)


SMALL_INBOXES = (
    write_small_air_inbox,
    write_small_water_inbox,
    write_small_soil_inbox,
    write_small_fishing_inbox,
    write_small_forestry_inbox,
)


@pytest.fixture(scope="session")
def quality_build(tmp_path_factory) -> Path:
    """inbox/ and data/ of one refresh of every domain's small inbox: copy it before changing it."""

    def build(root: Path) -> bool:
        for write_inbox in SMALL_INBOXES:
            write_inbox(root / "inbox")
        return run_refresh(root / "inbox", root / "data").success

    return shared_build(tmp_path_factory, "quality", build)


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
