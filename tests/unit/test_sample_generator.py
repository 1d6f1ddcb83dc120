"""`python -m sample_generator` regenerates the bundled sample identically (the same cell values), aiming
at the report's figures as the figures table states them."""

import re
import subprocess
import sys

import pytest

from dagster_project.ingest.readers import list_sheets, read_sheet
from dagster_project.settings import REPO_ROOT
from sample_generator.common import FIGURES, aim, share_of

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


def test_an_aim_outside_the_range_a_figure_claims_is_refused():
    # 查办行政案件560余起 claims [560, 570): 1.2 of the way in is 572
    assert aim("fish.admin_cases", 0.6) == 566
    with pytest.raises(ValueError, match="fish.admin_cases"):
        aim("fish.admin_cases", 1.2)


def test_a_rate_is_aimed_by_a_whole_count_or_not_at_all():
    assert share_of(1000, "soil.rural_sewage_treatment_rate") == 387
    assert share_of(5, "soil.rural_sewage_treatment_rate") is None  # 2 of 5 is 40.0 %, 1 of 5 is 20.0 %


def test_no_figure_of_three_or_more_significant_digits_is_written_in_the_generator():
    """What the sample aims at is read from the figures table; a report figure typed into the
    generator would be a second home for it."""
    distinctive = {
        figure.text for figure in FIGURES.values() if len(figure.text.replace(".", "").strip("0")) >= 3
    }
    found = {
        (path.name, number)
        for path in (REPO_ROOT / "sample_generator").glob("*.py")
        for number in re.findall(r"(?<![\w.])\d[\d_]*(?:\.\d+)?(?![\w.])", path.read_text(encoding="utf-8"))
        if number.replace("_", "") in distinctive
    }
    assert found == set()
