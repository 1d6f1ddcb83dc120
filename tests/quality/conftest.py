"""One small warehouse of every domain's generated inbox, built once and copied by each quality test."""

import pytest

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


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("quality")
    for write_inbox in SMALL_INBOXES:
        write_inbox(root / "inbox")
    assert run_refresh(root / "inbox", root / "data").success
    return root
