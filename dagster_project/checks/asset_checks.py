"""One Dagster multi-asset check per GX suite, with one check per severity present in the suite.

ERROR checks are blocking: when one fails, nothing downstream (the publish step) runs in that run.
Each expectation's result is also appended to the quality history (history.py), pass or fail.
A suite whose table this run did not rebuild (dbt_selection.py) is not validated again: the table is
the one its last validation checked, so that validation's results (data/quality/last_results/, kept with
the warehouse rather than in Dagster's run history) are reported, naming its run. A suite edited since
is validated again.
"""

import dagster as dg

from ..resources import WarehouseResource
from ..settings import EXPECTATIONS_DIR
from .gx_runner import Suite, SuiteOutcome, load_suites, validate
from .history import last_results, record_evaluations, save_last_results

_DAGSTER_SEVERITY = {"ERROR": dg.AssetCheckSeverity.ERROR, "WARN": dg.AssetCheckSeverity.WARN}


def check_name(suite: Suite, severity: str) -> str:
    return f"gx_{suite.name}_{severity.lower()}"


def _rebuilt_in_run(context: dg.AssetCheckExecutionContext, asset_key: dg.AssetKey) -> bool:
    """False only when this run reported the table as not rebuilt (assets/dbt.py)."""
    latest = context.instance.get_latest_materialization_event(asset_key)
    if latest is None or latest.run_id != context.run.run_id:
        return True
    flag = latest.asset_materialization.metadata.get("rebuilt")
    return flag is None or flag.value is not False


def _severity_results(suite: Suite, outcome: SuiteOutcome) -> dict[str, dict]:
    """severity → whether its check passed and the check's metadata, as JSON values."""
    return {
        severity: {
            "passed": not outcome.failures[severity],
            "metadata": {
                "rows_checked": outcome.rows_checked,
                "expectations_evaluated": outcome.evaluated[severity],
                "expectations_failed": len(outcome.failures[severity]),
                "failures": [
                    {
                        "expectation": f.expectation,
                        "kwargs": f.kwargs,
                        "description_zh": f.description_zh,
                        "unexpected_count": f.unexpected_count,
                        "sample": [str(v) for v in f.sample],
                    }
                    for f in outcome.failures[severity]
                ],
            },
        }
        for severity in suite.severities
    }


def _validated(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource, suite: Suite):
    quality_dir = warehouse.settings().quality_dir
    with warehouse.connect(read_only=True) as conn:
        outcome = validate(suite, conn)
    record_evaluations(quality_dir, context.run.run_id, suite, outcome)
    for severity in suite.severities:
        for finding in outcome.failures[severity]:
            context.log.warning(
                f"[{severity}] {suite.name}: {finding.expectation} {finding.kwargs} "
                f"{finding.description_zh} unexpected={finding.unexpected_count} sample={finding.sample}"
            )
    results = _severity_results(suite, outcome)
    save_last_results(quality_dir, context.run.run_id, suite, results)
    return results


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
        carried = None
        if not _rebuilt_in_run(context, asset_key):
            carried = last_results(warehouse.settings().quality_dir, suite)
        if carried is None:
            carried_from, results = {}, _validated(context, warehouse, suite)
        else:
            carried_from, results = {"carried_forward_from_run": carried[0]}, carried[1]
        for severity, result in results.items():
            metadata = result["metadata"]
            yield dg.AssetCheckResult(
                check_name=check_name(suite, severity),
                asset_key=asset_key,
                passed=result["passed"],
                severity=_DAGSTER_SEVERITY[severity],
                metadata={
                    **metadata,
                    "failures": dg.MetadataValue.json(metadata["failures"]),
                    **carried_from,
                },
            )

    return _check


def build_gx_checks() -> list[dg.AssetChecksDefinition]:
    return [_suite_check(suite) for suite in load_suites(EXPECTATIONS_DIR)]
