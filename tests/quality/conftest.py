"""One small warehouse of every domain's generated inbox, built once and copied by each quality test."""

import shutil

import pytest

from tests.conftest import shared_build
from tests.inboxes import write_small_air_inbox
from tests.inboxes_fishing import write_small_fishing_inbox
from tests.inboxes_forestry import write_small_forestry_inbox
from tests.inboxes_soil import write_small_soil_inbox
from tests.inboxes_water import write_small_water_inbox
from tests.pipeline import run_refresh

SMALL_INBOXES = (
    write_small_air_inbox,
    write_small_water_inbox,
    write_small_soil_inbox,
    write_small_fishing_inbox,
    write_small_forestry_inbox,
)


def _build(root):
    for write_inbox in SMALL_INBOXES:
        write_inbox(root / "inbox")
    return run_refresh(root / "inbox", root / "data").success


@pytest.fixture(scope="session")
def quality_build(tmp_path_factory):
    return shared_build(tmp_path_factory, "quality", _build)


# what the checks-and-publish job neither reads nor is asked about: the copy leaves them out
NOT_COPIED = ("backups", "reports", "exports", "export_versions")


@pytest.fixture
def warehouse_copy(quality_build, tmp_path):
    """The small warehouse's inbox, build database, published snapshot and snapshots, to plant values in."""
    shutil.copytree(quality_build, tmp_path, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*NOT_COPIED))
    return tmp_path
