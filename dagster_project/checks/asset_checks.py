"""One Dagster multi-asset check per GX suite, with one check per severity present in the suite.

ERROR checks are blocking: when one fails, nothing downstream (the publish step) runs in that run.
Each expectation's result is also appended to the quality history (history.py), pass or fail.
A suite whose table this run did not rebuild (dbt_selection.py) is not validated again: the table is
the one its last evaluation checked, so that evaluation's outcome is reported, naming its run.
"""

import dagster as dg
from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus

from ..resources import WarehouseResource
from ..settings import EXPECTATIONS_DIR
from .gx_runner import Suite, load_suites, validate
from .history import record_evaluations

_DAGSTER_SEVERITY = {"ERROR": dg.AssetCheckSeverity.ERROR, "WARN": dg.AssetCheckSeverity.WARN}
_COMPLETED = {AssetCheckExecutionRecordStatus.SUCCEEDED, AssetCheckExecutionRecordStatus.FAILED}


def check_name(suite: Suite, severity: str) -> str:
    return f"gx_{suite.name}_{severity.lower()}"


def _rebuilt_in_run(context: dg.AssetCheckExecutionContext, asset_key: dg.AssetKey) -> bool:
    """False only when this run reported the table as not rebuilt (assets/dbt.py)."""
    latest = context.instance.get_latest_materialization_event(asset_key)
    if latest is None or latest.run_id != context.run.run_id:
        return True
    flag = latest.asset_materialization.metadata.get("rebuilt")
    return flag is None or flag.value is not False


def _last_evaluations(
    context: dg.AssetCheckExecutionContext, asset_key: dg.AssetKey, names: list[str]
) -> dict[str, tuple[str, dg.AssetCheckEvaluation]] | None:
    """Each check's last completed evaluation (with its run), or None when any check has none."""
    found = {}
    for name in names:
        history = context.instance.event_log_storage.get_asset_check_execution_history(
            dg.AssetCheckKey(asset_key, name), limit=1, status=_COMPLETED
        )
        if not history or history[0].evaluation is None:
            return None
        found[name] = (history[0].run_id, history[0].evaluation)
    return found


def _suite_check(suite: Suite) -> dg.AssetChecksDefinition:
    asset_key = dg.AssetKey(list(suite.asset_key))
    specs = [
        dg.AssetCheckSpec(
            name=check_name(suite, severity),
            asset=asset_key,
            blocking=severity == "ERROR",
            description=f"{suite.description_zh}（GX suite expectations/{suite.name}.json，{severity}）",
        )
        for severity in suite.severities
    ]

    @dg.multi_asset_check(specs=specs, name=f"gx_{suite.name}", compute_kind="great_expectations")
    def _check(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource):
        names = [check_name(suite, severity) for severity in suite.severities]
        carried = (
            None if _rebuilt_in_run(context, asset_key) else _last_evaluations(context, asset_key, names)
        )
        if carried:
            for severity, name in zip(suite.severities, names, strict=True):
                run_id, evaluation = carried[name]
                yield dg.AssetCheckResult(
                    check_name=name,
                    asset_key=asset_key,
                    passed=evaluation.passed,
                    severity=_DAGSTER_SEVERITY[severity],
                    metadata={**evaluation.metadata, "carried_forward_from_run": run_id},
                )
            return
        with warehouse.connect(read_only=True) as conn:
            outcome = validate(suite, conn)
        record_evaluations(warehouse.settings().quality_dir, context.run.run_id, suite, outcome)
        for severity in suite.severities:
            failures = outcome.failures[severity]
            for finding in failures:
                context.log.warning(
                    f"[{severity}] {suite.name}: {finding.expectation} {finding.kwargs} "
                    f"{finding.description_zh} unexpected={finding.unexpected_count} sample={finding.sample}"
                )
            yield dg.AssetCheckResult(
                check_name=check_name(suite, severity),
                asset_key=asset_key,
                passed=not failures,
                severity=_DAGSTER_SEVERITY[severity],
                metadata={
                    "rows_checked": outcome.rows_checked,
                    "expectations_evaluated": outcome.evaluated[severity],
                    "expectations_failed": len(failures),
                    "failures": dg.MetadataValue.json(
                        [
                            {
                                "expectation": f.expectation,
                                "kwargs": f.kwargs,
                                "description_zh": f.description_zh,
                                "unexpected_count": f.unexpected_count,
                                "sample": [str(v) for v in f.sample],
                            }
                            for f in failures
                        ]
                    ),
                },
            )

    return _check


def build_gx_checks() -> list[dg.AssetChecksDefinition]:
    return [_suite_check(suite) for suite in load_suites(EXPECTATIONS_DIR)]
