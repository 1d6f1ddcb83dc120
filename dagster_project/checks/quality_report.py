"""data/quality/index.html: every GX suite and expectation with its latest result and its history.

GX 1.x's own Data Docs load their scripts and styles from CDNs, which the bureau's network cannot
reach; this page is rendered from the recorded evaluations (history.py) with a Jinja2 template and
holds its styles inline and no script, so it opens from a file share or a USB stick.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import jinja2

from .gx_runner import Suite, build_expectations, load_suites, normalised_kwargs
from .history import EvaluationRecord, expectation_key, load_history

REPORT_FILE = "index.html"
HISTORY_RUNS_SHOWN = 30
TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)


@dataclass(frozen=True)
class ExpectationRow:
    expectation: str
    arguments: str
    description_zh: str
    severity: str
    history: list[EvaluationRecord]  # oldest first, the last HISTORY_RUNS_SHOWN runs

    @property
    def latest(self) -> EvaluationRecord | None:
        return self.history[-1] if self.history else None

    @property
    def failed_runs(self) -> int:
        return sum(1 for record in self.history if not record.success)


@dataclass(frozen=True)
class SuiteSection:
    name: str
    asset: str
    description_zh: str
    rows: list[ExpectationRow]

    @property
    def failing(self) -> dict[str, int]:
        counts = {"ERROR": 0, "WARN": 0}
        for row in self.rows:
            if row.latest and not row.latest.success:
                counts[row.severity] += 1
        return counts

    @property
    def last_evaluated(self) -> str | None:
        times = [row.latest.evaluated_at for row in self.rows if row.latest]
        return max(times) if times else None


def _arguments(kwargs: dict) -> str:
    return ", ".join(
        f"{name}={json.dumps(value, ensure_ascii=False, default=str)}" for name, value in kwargs.items()
    )


def _section(suite: Suite, by_key: dict[tuple[str, str], list[EvaluationRecord]]) -> SuiteSection:
    rows = []
    for config, built in zip(suite.expectations, build_expectations(suite), strict=True):
        kwargs = normalised_kwargs(built.configuration)
        history = by_key.get((suite.name, expectation_key(config["type"], kwargs)), [])
        rows.append(
            ExpectationRow(
                expectation=config["type"],
                arguments=_arguments(config["kwargs"]),
                description_zh=config["meta"].get("description_zh", ""),
                severity=config["meta"]["severity"],
                history=history[-HISTORY_RUNS_SHOWN:],
            )
        )
    return SuiteSection(suite.name, ".".join(suite.asset_key), suite.description_zh, rows)


def render_quality_report(quality_dir: Path, expectations_dir: Path) -> Path:
    """Write index.html from the suites and every recorded evaluation, replacing the previous page."""
    records = load_history(quality_dir)
    by_key: dict[tuple[str, str], list[EvaluationRecord]] = defaultdict(list)
    for record in records:
        by_key[(record.suite, record.key)].append(record)
    sections = [_section(suite, by_key) for suite in load_suites(expectations_dir)]
    latest_run = records[-1] if records else None  # appended in the order the checks ran
    latest_records = [r for r in records if latest_run and r.run_id == latest_run.run_id]
    html = TEMPLATES.get_template("quality_report.html.j2").render(
        sections=sections,
        generated_at=f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC",
        latest_run=latest_run,
        latest_passed=sum(1 for r in latest_records if r.success),
        latest_failed={
            severity: sum(1 for r in latest_records if not r.success and r.severity == severity)
            for severity in ("ERROR", "WARN")
        },
        runs=len({r.run_id for r in records}),
        expectations=sum(len(s.rows) for s in sections),
        history_runs_shown=HISTORY_RUNS_SHOWN,
    )
    quality_dir.mkdir(parents=True, exist_ok=True)
    target = quality_dir / REPORT_FILE
    partial = target.with_name(f".{REPORT_FILE}.partial")
    partial.write_text(html, encoding="utf-8")
    os.replace(partial, target)
    return target
