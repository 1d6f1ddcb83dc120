"""Named crash points for the reliability tests.

`WAREHOUSE_CRASH_AT=<point>` (a test-only setting) makes the refresh SIGKILL its own process group
when it reaches that point, the way a power cut or the OOM killer would: no cleanup, no finally.
Unset, `crash_point` does nothing. The points sit where a crash would do the most harm.
"""

from __future__ import annotations

import os
import signal

CRASH_POINTS = (
    "ingest:mid_transaction",  # rows of a file deleted and re-inserted, not yet committed
    "ingest:between_sources",  # one source committed, the next not started
    "dbt:running",  # dbt has started building models in the build database
    "checks:running",  # a GX suite is validating
    "publish:snapshot_copied",  # the new snapshot exists, the analysts' file not yet replaced
    "publish:partial_copy",  # the replacement file is half written
)


def crash_point(name: str) -> None:
    if name not in CRASH_POINTS:
        raise ValueError(f"unknown crash point {name}")
    if os.environ.get("WAREHOUSE_CRASH_AT") == name:
        os.killpg(os.getpgid(0), signal.SIGKILL)
