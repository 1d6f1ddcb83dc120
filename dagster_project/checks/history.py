"""Every expectation's result in every run, appended to data/quality/check_results.jsonl.

Dagster keeps a check's pass or fail; the quality report also needs each expectation's own result
and how it changed from run to run, including the runs whose checks blocked the publication. One JSON
line per expectation evaluation, written when the check runs; nothing is rewritten.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from .gx_runner import Suite, SuiteOutcome

HISTORY_FILE = "check_results.jsonl"


def expectation_key(expectation: str, kwargs: dict) -> str:
    """An expectation's identity across runs: its type and arguments (as GX normalises them)."""
    return f"{expectation} {json.dumps(kwargs, sort_keys=True, ensure_ascii=False, default=str)}"


@dataclass(frozen=True)
class EvaluationRecord:
    run_id: str
    evaluated_at: str
    suite: str
    asset: str
    expectation: str
    kwargs: dict
    severity: str
    success: bool
    unexpected_count: int | None
    rows_checked: int

    @property
    def key(self) -> str:
        return expectation_key(self.expectation, self.kwargs)


def record_evaluations(quality_dir: Path, run_id: str, suite: Suite, outcome: SuiteOutcome) -> None:
    """Append one line per expectation of the suite's run, flushed before the check reports."""
    evaluated_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = [
        json.dumps(
            asdict(
                EvaluationRecord(
                    run_id=run_id,
                    evaluated_at=evaluated_at,
                    suite=suite.name,
                    asset=".".join(suite.asset_key),
                    expectation=evaluation.expectation,
                    kwargs=evaluation.kwargs,
                    severity=evaluation.severity,
                    success=evaluation.success,
                    unexpected_count=evaluation.unexpected_count,
                    rows_checked=outcome.rows_checked,
                )
            ),
            ensure_ascii=False,
            default=str,
        )
        for evaluation in outcome.evaluations
    ]
    quality_dir.mkdir(parents=True, exist_ok=True)
    with (quality_dir / HISTORY_FILE).open("a", encoding="utf-8") as handle:
        handle.write("".join(f"{line}\n" for line in lines))
        handle.flush()
        os.fsync(handle.fileno())


def load_history(quality_dir: Path) -> list[EvaluationRecord]:
    """All recorded evaluations, oldest first; a line cut short by a crash mid-append is skipped."""
    path = quality_dir / HISTORY_FILE
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            records.append(EvaluationRecord(**json.loads(line)))
        except json.JSONDecodeError:
            continue
    return records
