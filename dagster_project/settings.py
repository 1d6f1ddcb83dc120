"""The warehouse's only knobs, read in one place and shared by Dagster, dbt and the CLIs.

Relative paths are resolved against the repository root, wherever a tool runs from.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = REPO_ROOT / "dbt"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"
REFERENCE_SEEDS_DIR = REPO_ROOT / "seeds" / "reference"
# The area label of whole-city rows: vars.city_label of dbt_project.yml, the one place dbt reads it from too.
CITY_LABEL: str = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))["vars"][
    "city_label"
]


def _resolve(value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else (REPO_ROOT / path).resolve()


class _UnderDataDir:
    """A path of the data dir's layout: Settings.<name> is data_dir / parts, wherever data_dir is."""

    def __init__(self, *parts: str) -> None:
        self.parts = parts

    def __get__(self, settings: Settings | None, owner: type) -> Path:
        if settings is None:
            return self
        return settings.data_dir.joinpath(*self.parts)


@dataclass(frozen=True)
class Settings:
    raw_dir: Path
    data_dir: Path
    snapshots_kept: int
    report_snapshots_kept: int

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            raw_dir=_resolve(os.environ.get("WAREHOUSE_RAW_DIR", "seeds/raw")),
            data_dir=_resolve(os.environ.get("WAREHOUSE_DATA_DIR", "data")),
            snapshots_kept=int(os.environ.get("WAREHOUSE_SNAPSHOTS_KEPT", "7")),
            report_snapshots_kept=int(os.environ.get("WAREHOUSE_REPORT_SNAPSHOTS_KEPT", "12")),
        )

    # The data dir's layout. The database every writer builds in (analysts never open it); the analysts'
    # read-only snapshot, replaced atomically after the blocking checks pass; the kept snapshots; copies of
    # the build database (personal data included: readable by the warehouse account only); the
    # departments' fix workbooks; the reports; Parquet copies of the marts and indicator tables of the
    # current snapshot, with a dictionary; every check evaluation (check_results.jsonl) and the offline
    # quality report (index.html); the dbt documentation site, one self-contained index.html (make docs).
    build_db = _UnderDataDir("build", "warehouse.duckdb")
    published_db = _UnderDataDir("warehouse.duckdb")
    snapshots_dir = _UnderDataDir("snapshots")
    backups_dir = _UnderDataDir("backups")
    rejects_dir = _UnderDataDir("rejects")
    reports_dir = _UnderDataDir("reports")
    exports_dir = _UnderDataDir("exports")
    quality_dir = _UnderDataDir("quality")
    docs_dir = _UnderDataDir("docs")

    def dbt_env(self) -> dict[str, str]:
        """Environment for a dbt subprocess: the resolved data dir, and no telemetry."""
        return {"WAREHOUSE_DATA_DIR": str(self.data_dir), "DO_NOT_TRACK": "1"}
