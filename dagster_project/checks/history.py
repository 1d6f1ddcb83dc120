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
# each suite's last outcome, per severity, as its checks reported it: what a run that did not rebuild the
# suite's table reports again instead of validating the same table twice
LAST_RESULTS_DIR = "last_results"


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


def save_last_results(quality_dir: Path, run_id: str, suite: Suite, results: dict[str, dict]) -> None:
    """Replace the suite's last results (severity → passed and metadata) with this run's."""
    folder = quality_dir / LAST_RESULTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    staged = folder / f".{suite.name}.json.tmp"
    staged.write_text(
        json.dumps(
            {"run_id": run_id, "suite_digest": suite.digest, "results": results},
            ensure_ascii=False,
            default=str,
        ),
        encoding="utf-8",
    )
    staged.replace(folder / f"{suite.name}.json")


def last_results(quality_dir: Path, suite: Suite) -> tuple[str, dict[str, dict]] | None:
    """The run and results of the suite's last validation, if the suite then was the suite now."""
    path = quality_dir / LAST_RESULTS_DIR / f"{suite.name}.json"
    if not path.exists():
        return None
    saved = json.loads(path.read_text(encoding="utf-8"))
    if saved["suite_digest"] != suite.digest or set(saved["results"]) != set(suite.severities):
        return None
    return saved["run_id"], saved["results"]
