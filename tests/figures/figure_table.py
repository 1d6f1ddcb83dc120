"""The report's figures (a copy of report-2023-figures.csv; the project itself never reads it)."""

from __future__ import annotations

import csv
from pathlib import Path

FIGURES_CSV = Path(__file__).resolve().parents[1] / "data" / "report-2023-figures.csv"


def figures(domain: str) -> list[dict[str, str]]:
    with FIGURES_CSV.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["domain"] == domain]
