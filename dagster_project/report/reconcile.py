"""`reconcile FIGURES.csv`: check a table of claimed figures against the warehouse before it is signed.

Each figure is a match, a mismatch (with both values), an unknown indicator (not in the catalogue), or
not computed (in the catalogue, but no domain feed gives it a value yet). Matching is
dagster_project.figures.matches (the qualifier rules of report-2023-figures.md), and a stated 同比
(compare column, e.g. yoy_pct=-2.8) must match the scorecard's change too.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..figures import compare_matches, matches
from .catalogue import load_catalogue

CITY = "城市"
YOY_COLUMNS = {"yoy_pct": "pct", "yoy_pp": "pp"}


@dataclass(frozen=True)
class Outcome:
    code: str
    period: str
    status: str  # match, mismatch, unknown indicator, not computed
    stated: str
    computed: float | None
    stated_change: str = ""
    computed_change: float | None = None

    def line(self) -> str:
        text = f"{self.status:<17} {self.code:<40} {self.period:<17} stated {self.stated}"
        if self.computed is not None:
            text += f", warehouse {self.computed:.6g}"
        if self.stated_change:
            change = "—" if self.computed_change is None else f"{self.computed_change:+.1f}"
            text += f"; 同比 stated {self.stated_change}, warehouse {change}"
        return text


def _period(conn, code: str, period: str) -> tuple[int, int] | None:
    """(year, end month) of a period label: 2023-01..2023-11, 2023 (as far as the data go), cumulative (latest)."""
    if ".." in period:
        end = period.split("..")[1]
        return int(end[:4]), int(end[5:7])
    if period.isdigit():
        return conn.execute(
            "SELECT year, max(end_month) FROM indicators.fct_indicator_values WHERE indicator_code = ? AND year = ? "
            "GROUP BY year",
            [code, int(period)],
        ).fetchone()
    return conn.execute(
        "SELECT year, end_month FROM indicators.fct_indicator_values WHERE indicator_code = ? "
        "ORDER BY year DESC, end_month DESC LIMIT 1",
        [code],
    ).fetchone()


def reconcile_figure(conn, catalogue, figure: dict[str, str]) -> Outcome:
    code, period, stated = figure["code"], figure["period"], figure["value"]
    stated_change = figure.get("compare") or ""
    if code not in catalogue:
        return Outcome(code, period, "unknown indicator", stated, None, stated_change)
    year_month = _period(conn, code, period)
    row = None
    if year_month:
        row = conn.execute(
            "SELECT value, yoy_change, yoy_kind FROM indicators.rpt_scorecard "
            "WHERE indicator_code = ? AND area = ? AND year = ? AND end_month = ?",
            [code, CITY, *year_month],
        ).fetchone()
    if row is None or row[0] is None:
        return Outcome(code, period, "not computed", stated, None, stated_change)
    value, change, yoy_kind = row
    ok = matches(value, stated, figure["qualifier"], figure.get("quote", ""))
    if stated_change:
        stated_kind = YOY_COLUMNS.get(stated_change.split("=")[0])
        ok = ok and stated_kind == yoy_kind and compare_matches(change, stated_change)
    return Outcome(
        code,
        period,
        "match" if ok else "mismatch",
        stated,
        value,
        stated_change,
        change if stated_change else None,
    )


def reconcile(published_db: Path, figures_csv: Path) -> list[Outcome]:
    with figures_csv.open(encoding="utf-8-sig") as handle:
        figures = list(csv.DictReader(handle))
    with duckdb.connect(str(published_db), read_only=True) as conn:
        catalogue = load_catalogue(conn)
        return [reconcile_figure(conn, catalogue, figure) for figure in figures]


def summary_line(outcomes: list[Outcome]) -> str:
    counts = {
        status: sum(o.status == status for o in outcomes)
        for status in ("match", "mismatch", "unknown indicator", "not computed")
    }
    return (
        f"{counts['match']} of {len(outcomes)} matched ({counts['mismatch']} mismatched, "
        f"{counts['not computed']} not computed yet, {counts['unknown indicator']} unknown indicators)"
    )
