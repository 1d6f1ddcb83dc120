"""`reconcile FIGURES.csv`: check a table of claimed figures against the warehouse before it is signed.

Each figure is a match, a mismatch (with both values), an unknown indicator (not in the catalogue), or
not computed (in the catalogue, but no domain feed gives it a value yet). Matching is
dagster_project.figures.matches (the qualifier rules of report-2023-figures.md): an exact or approximate
figure is the unrounded value rounded once by GB/T 8170 to the figure's own precision (at the catalogue's
precision that is the published value_report); a lower bound is checked on the unrounded value against
the range it claims. A stated 同比 (compare column, e.g. yoy_pct=-2.8) must match the scorecard's change.

The verdict says how the figure holds, not just "match": 约 approximate, 下限 lower bound (with the range
it claims: 500余 → [500, 600), 85以上 → [85, ∞)), and 暂定 provisional when the warehouse value rests on
incomplete submissions (is_complete = false; the missing submissions are listed).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb

from ..figures import bound_text, compare_matches, exact_decimal, matches, published_decimal
from ..settings import CITY_LABEL as CITY
from .catalogue import Indicator, load_catalogue

YOY_COLUMNS = {"yoy_pct": "pct", "yoy_pp": "pp"}
CHANGE_DECIMALS = 1
APPROXIMATE = "约 approximate"
LOWER_BOUND = "下限 lower bound"
PROVISIONAL = "暂定 provisional"
STATUSES = ("match", "mismatch", "unknown indicator", "not computed")


@dataclass(frozen=True)
class Outcome:
    code: str
    period: str
    status: str  # one of STATUSES
    stated: str
    computed: Decimal | None = None  # the published value (value_report) at the catalogue's precision
    unrounded: float | None = None
    qualifiers: tuple[str, ...] = ()  # APPROXIMATE, LOWER_BOUND, PROVISIONAL
    stated_text: str = ""  # the figure as it claims: 约243, 500余 → [500, 600)
    missing_submissions: str | None = None
    stated_change: str = ""
    computed_change: Decimal | None = None

    @property
    def verdict(self) -> str:
        return f"{self.status} ({', '.join(self.qualifiers)})" if self.qualifiers else self.status

    def line(self) -> str:
        text = (
            f"{self.verdict:<42} {self.code:<40} {self.period:<17} stated {self.stated_text or self.stated}"
        )
        if self.computed is not None:
            text += f", warehouse {self.computed}"
            unrounded = exact_decimal(self.unrounded)
            if unrounded != self.computed:
                text += f" (unrounded {unrounded.normalize():f})"
        if self.stated_change:
            change = "—" if self.computed_change is None else f"{self.computed_change:+}"
            text += f"; 同比 stated {self.stated_change}, warehouse {change}"
        if PROVISIONAL in self.qualifiers:
            text += f"; 暂定: 缺报 {self.missing_submissions or '（输入不完整）'}"
        return text


def _stated_text(indicator: Indicator, figure: dict[str, str]) -> str:
    stated, qualifier = figure["value"], figure["qualifier"]
    if qualifier == "lower_bound":
        return bound_text(stated, figure.get("quote", ""))
    if qualifier == "approx":
        return {"左右": f"{stated}左右", "近": f"近{stated}"}.get(indicator.phrasing, f"约{stated}")
    return stated


def _period(conn, code: str, period: str) -> tuple[int, int] | None:
    """(year, end month) of a period label: 2023-01..2023-11, 2023 (as far as the data go), cumulative
    (the latest)."""
    if ".." in period:
        end = period.split("..")[1]
        return int(end[:4]), int(end[5:7])
    if period.isdigit():
        return conn.execute(
            "SELECT year, max(end_month) FROM indicators.fct_indicator_values "
            "WHERE indicator_code = ? AND year = ? GROUP BY year",
            [code, int(period)],
        ).fetchone()
    return conn.execute(
        "SELECT year, end_month FROM indicators.fct_indicator_values WHERE indicator_code = ? "
        "ORDER BY year DESC, end_month DESC LIMIT 1",
        [code],
    ).fetchone()


def reconcile_figure(conn, catalogue: dict[str, Indicator], figure: dict[str, str]) -> Outcome:
    code, period, stated = figure["code"], figure["period"], figure["value"]
    stated_change = figure.get("compare") or ""
    if code not in catalogue:
        return Outcome(code, period, "unknown indicator", stated, stated_change=stated_change)
    indicator = catalogue[code]
    qualifier = figure["qualifier"]
    stated_text = _stated_text(indicator, figure)
    year_month = _period(conn, code, period)
    row = None
    if year_month:
        row = conn.execute(
            "SELECT s.value, s.value_report, s.yoy_change, s.yoy_change_report, s.yoy_kind, s.is_complete, "
            "v.missing_submissions FROM indicators.rpt_scorecard AS s "
            "JOIN indicators.fct_indicator_values AS v USING (indicator_code, area, year, end_month) "
            "WHERE s.indicator_code = ? AND s.area = ? AND s.year = ? AND s.end_month = ?",
            [code, CITY, *year_month],
        ).fetchone()
    if row is None or row[0] is None:
        return Outcome(
            code, period, "not computed", stated, stated_text=stated_text, stated_change=stated_change
        )
    value, value_report, change, change_report, yoy_kind, is_complete, missing = row
    ok = matches(value, stated, qualifier, figure.get("quote", ""))
    if stated_change:
        stated_kind = YOY_COLUMNS.get(stated_change.split("=")[0])
        ok = ok and stated_kind == yoy_kind and compare_matches(change, stated_change)
    qualifiers = {"approx": (APPROXIMATE,), "lower_bound": (LOWER_BOUND,)}.get(qualifier, ())
    if not is_complete:
        qualifiers += (PROVISIONAL,)
    return Outcome(
        code,
        period,
        "match" if ok else "mismatch",
        stated,
        published_decimal(value_report, indicator.decimals),
        value,
        qualifiers,
        stated_text,
        missing,
        stated_change,
        None
        if not stated_change or change_report is None
        else published_decimal(change_report, CHANGE_DECIMALS),
    )


def reconcile(published_db: Path, figures_csv: Path) -> list[Outcome]:
    with figures_csv.open(encoding="utf-8-sig") as handle:
        figures = list(csv.DictReader(handle))
    with duckdb.connect(str(published_db), read_only=True) as conn:
        catalogue = load_catalogue(conn)
        return [reconcile_figure(conn, catalogue, figure) for figure in figures]


def summary_line(outcomes: list[Outcome]) -> str:
    counts = {status: sum(o.status == status for o in outcomes) for status in STATUSES}
    matched = [o for o in outcomes if o.status == "match"]
    kinds = {
        kind: sum(kind in o.qualifiers for o in matched) for kind in (APPROXIMATE, LOWER_BOUND, PROVISIONAL)
    }
    return (
        f"{counts['match']} of {len(outcomes)} matched ({counts['mismatch']} mismatched, "
        f"{counts['not computed']} not computed yet, {counts['unknown indicator']} unknown indicators); "
        f"of the matches {kinds[APPROXIMATE]} approximate, {kinds[LOWER_BOUND]} lower bounds, "
        f"{kinds[PROVISIONAL]} provisional"
    )
