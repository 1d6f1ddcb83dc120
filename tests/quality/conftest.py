"""Each quality test works on a copy of the session's quality build (tests/conftest.py)."""

import shutil

import pytest

# what the checks-and-publish job neither reads nor is asked about: the copy leaves them out
NOT_COPIED = ("backups", "reports", "exports", "export_versions")


@pytest.fixture
def warehouse_copy(quality_build, tmp_path):
    """The small warehouse's inbox, build database, published snapshot and snapshots, to plant values in."""
    shutil.copytree(quality_build, tmp_path, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*NOT_COPIED))
    return tmp_path
