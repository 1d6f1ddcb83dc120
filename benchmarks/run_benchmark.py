"""Wall time and peak memory of a full refresh of the bundled sample (what `make run` does, minus install).

Run with `make benchmark`. It builds into a temporary data dir, so data/ is left alone, and prints
its figures; nothing here asserts a time (timing belongs in this script, not in a test).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

REPO_ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="warehouse-bench-") as scratch:
        env = {
            **os.environ,
            "WAREHOUSE_DATA_DIR": str(Path(scratch) / "data"),
            "DAGSTER_HOME": str(Path(scratch) / "dagster_home"),
        }
        Path(env["DAGSTER_HOME"]).mkdir()
        (Path(env["DAGSTER_HOME"]) / "dagster.yaml").write_text((REPO_ROOT / "dagster.yaml").read_text())
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "dagster",
                "job",
                "execute",
                "-m",
                "dagster_project.definitions",
                "-j",
                "warehouse_refresh",
            ],
            cwd=REPO_ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - started
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        published = Path(env["WAREHOUSE_DATA_DIR"]) / "warehouse.duckdb"
        with duckdb.connect(str(published), read_only=True) as conn:
            raw_rows = conn.execute(
                "select sum(estimated_size) from duckdb_tables() where schema_name = 'raw'"
            ).fetchone()[0]
            files = conn.execute("select count(*) from raw._files").fetchone()[0]
        print(
            f"full refresh of the bundled sample: {wall:.1f} s wall, "
            f"peak RSS {peak_mib:.0f} MiB (largest process)"
        )
        print(
            f"  {files} submission files, {raw_rows} raw rows, {raw_rows / wall:,.0f} raw rows/s end to end"
        )
        print(f"  published snapshot: {published.stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
