"""Real third-party data through the real pipeline, in one inbox and one warehouse for the session: Beijing
air (beijing_air.py; test_external_air.py, test_external_air_year.py) and the CNEMC water snapshot
(cnemc_water.py; test_external_cnemc_water.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import shared_build
from tests.integration.beijing_air import write_beijing_inbox
from tests.integration.cnemc_water import write_cnemc_inbox
from tests.pipeline import run_refresh


@pytest.fixture(scope="session")
def external_build(tmp_path_factory) -> Path:
    """data/ of one refresh of the Beijing air and CNEMC water inbox: read it only."""

    def build(root: Path) -> bool:
        write_beijing_inbox(root / "inbox")
        write_cnemc_inbox(root / "inbox")
        return run_refresh(root / "inbox", root / "data").success

    return shared_build(tmp_path_factory, "external", build) / "data"
