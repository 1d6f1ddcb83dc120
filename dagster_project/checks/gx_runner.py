"""Run a Great Expectations 1.x suite (expectations/<suite>.json) on a DuckDB query through a pandas batch.

The batch is the suite's asset table, or the query in expectations/<suite>.sql when the check needs
values recounted from another table or layer (e.g. the period ratio recounted from the daily mart).
Rules several queries share (e.g. a form's 合计 row against its details) are DuckDB macros in
expectations/macros/*.sql, created as temporary macros on the connection before the query runs.

GX's SQL datasource fails silently on DuckDB (every expectation success=False with an exception
hidden in exception_info), so tables are validated as pandas DataFrames. An expectation that raised
is a broken check, not a data failure: it raises CheckBroken instead of reporting bad data.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import duckdb

from ..faults import crash_point

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

SEVERITIES = ("ERROR", "WARN")


class CheckBroken(RuntimeError):
    """The suite could not be evaluated (bad query, missing column): fix the suite, not the data."""


@dataclass(frozen=True)
class Suite:
    name: str
    asset_key: tuple[str, ...]
    batch_query: str
    description_zh: str
    expectations: tuple[dict, ...]
    macros: tuple[str, ...] = ()

    @classmethod
    def from_file(cls, path: Path) -> Suite:
        raw = json.loads(path.read_text(encoding="utf-8"))
        meta = raw.get("meta", {})
        for expectation in raw["expectations"]:
            severity = expectation.get("meta", {}).get("severity")
            if severity not in SEVERITIES:
                raise ValueError(f"{path.name}: {expectation['type']} needs meta.severity in {SEVERITIES}")
            if isinstance(expectation["kwargs"].get("row_condition"), str):
                raise ValueError(
                    f"{path.name}: {expectation['type']} has a string row_condition (deprecated in GX 1.9):"
                    ' write it as a Condition, e.g. {"type": "comparison", "column": {"name": "c"},'
                    ' "operator": "==", "parameter": true}'
                )
        query_file = path.with_suffix(".sql")
        return cls(
            name=raw["name"],
            asset_key=tuple(meta["asset"]),
            batch_query=(
                query_file.read_text(encoding="utf-8")
                if query_file.exists()
                # the asset key of a suite in this repository, not outside input
                else f"SELECT * FROM {'.'.join(meta['asset'])}"  # noqa: S608
            ),
            description_zh=meta.get("description_zh", ""),
            expectations=tuple(raw["expectations"]),
            macros=tuple(
                macro.read_text(encoding="utf-8") for macro in sorted((path.parent / "macros").glob("*.sql"))
            ),
        )

    @property
    def digest(self) -> str:
        """What decides the suite's outcome on a given table: its query, macros and expectations."""
        parts = [self.batch_query, self.macros, self.expectations]
        return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    @property
    def severities(self) -> list[str]:
        return [s for s in SEVERITIES if any(e["meta"]["severity"] == s for e in self.expectations)]


@dataclass
class Finding:
    expectation: str
    kwargs: dict
    description_zh: str
    unexpected_count: int | None
    sample: list


@dataclass(frozen=True)
class Evaluation:
    """One expectation's result, passed or not (the quality report's history is made of these)."""

    expectation: str
    kwargs: dict
    severity: str
    description_zh: str
    success: bool
    unexpected_count: int | None


@dataclass
class SuiteOutcome:
    rows_checked: int
    failures: dict[str, list[Finding]] = field(default_factory=lambda: {s: [] for s in SEVERITIES})
    evaluated: dict[str, int] = field(default_factory=lambda: {s: 0 for s in SEVERITIES})
    evaluations: list[Evaluation] = field(default_factory=list)


def load_suites(directory: Path) -> list[Suite]:
    return [Suite.from_file(path) for path in sorted(directory.glob("*.json"))]


@cache
def _gx_context():
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def validate(suite: Suite, conn: duckdb.DuckDBPyConnection) -> SuiteOutcome:
    import great_expectations as gx

    for macros in suite.macros:
        conn.execute(macros)
    frame = conn.execute(suite.batch_query).df()
    crash_point("checks:running")
    context = _gx_context()
    source = context.data_sources.add_or_update_pandas(f"warehouse_{suite.name}")
    asset = source.add_dataframe_asset(suite.name)
    batch = asset.add_batch_definition_whole_dataframe("whole").get_batch(
        batch_parameters={"dataframe": frame}
    )
    result = batch.validate(gx.ExpectationSuite(name=suite.name, expectations=build_expectations(suite)))
    outcome = SuiteOutcome(rows_checked=len(frame))
    for expectation_result in result.results:
        config = expectation_result.expectation_config
        if expectation_result.exception_info.get("raised_exception") or any(
            isinstance(info, dict) and info.get("raised_exception")
            for info in expectation_result.exception_info.values()
        ):
            raise CheckBroken(
                f"suite {suite.name}: {config.type} {config.kwargs} raised: {_message(expectation_result)}"
            )
        severity = config.meta["severity"]
        outcome.evaluated[severity] += 1
        details = expectation_result.result or {}
        kwargs = normalised_kwargs(config)
        outcome.evaluations.append(
            Evaluation(
                expectation=config.type,
                kwargs=kwargs,
                severity=severity,
                description_zh=config.meta.get("description_zh", ""),
                success=bool(expectation_result.success),
                unexpected_count=details.get("unexpected_count"),
            )
        )
        if not expectation_result.success:
            outcome.failures[severity].append(
                Finding(
                    expectation=config.type,
                    kwargs=kwargs,
                    description_zh=config.meta.get("description_zh", ""),
                    unexpected_count=details.get("unexpected_count"),
                    sample=_sample(details),
                )
            )
    return outcome


def normalised_kwargs(config) -> dict:
    """An expectation configuration's arguments as GX normalised them, without the batch it ran on."""
    return {k: v for k, v in config.kwargs.items() if k != "batch_id"}


def build_expectations(suite: Suite) -> list:
    """Expectation objects built strictly: GX would otherwise drop an unknown or invalid one and pass."""
    from great_expectations.expectations.registry import get_expectation_impl

    built = []
    for config in suite.expectations:
        try:
            built.append(get_expectation_impl(config["type"])(**config["kwargs"], meta=config.get("meta")))
        except Exception as error:
            raise CheckBroken(f"suite {suite.name}: invalid expectation {config['type']}: {error}") from error
    return built


def _sample(details: dict) -> list:
    if details.get("partial_unexpected_list") is not None:
        return list(details["partial_unexpected_list"])[:10]
    return [details["observed_value"]] if "observed_value" in details else []


def _message(expectation_result) -> str:
    info = expectation_result.exception_info
    if "exception_message" in info:
        return str(info["exception_message"])
    return "; ".join(str(v.get("exception_message")) for v in info.values() if isinstance(v, dict))
