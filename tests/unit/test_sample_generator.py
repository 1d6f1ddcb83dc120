"""`python -m sample_generator` regenerates the bundled sample identically (the same cell values)."""

import subprocess
import sys

from dagster_project.ingest.readers import list_sheets, read_sheet
from dagster_project.settings import REPO_ROOT

SAMPLE = REPO_ROOT / "seeds" / "raw"


def _cells(path):
    return {sheet: read_sheet(path, sheet or None).rows for sheet in list_sheets(path)}


def test_regenerating_the_sample_gives_the_same_cell_values(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "sample_generator", "--raw-dir", str(tmp_path)], check=True, cwd=REPO_ROOT
    )
    committed = sorted(p.relative_to(SAMPLE) for p in SAMPLE.rglob("*") if p.is_file())
    regenerated = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert regenerated == committed
    for relative in committed:
        assert _cells(tmp_path / relative) == _cells(SAMPLE / relative), relative
