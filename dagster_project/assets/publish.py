"""The published snapshot: runs only after every blocking (ERROR) check upstream has passed."""

import dagster as dg

from ..publish import publish
from ..resources import WarehouseResource
from ..schedules import INBOX_DIGEST_TAG, NOTHING_NEW_TAG
from .dbt import warehouse_dbt_models
from .owners import WAREHOUSE_OWNERS

PUBLISHED_LAYERS = ("marts", "indicators")
published_tables = [key for key in warehouse_dbt_models.keys if key.path[0] in PUBLISHED_LAYERS]


def _check_results(context: dg.AssetExecutionContext) -> dict[str, str]:
    """This run's check outcomes, recorded in the publish log (WARN failures publish and are reported)."""
    records = context.instance.get_records_for_run(
        run_id=context.run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
    ).records
    results = {}
    for record in records:
        evaluation = record.event_log_entry.dagster_event.event_specific_data
        outcome = "passed" if evaluation.passed else f"failed ({evaluation.severity.value})"
        results[f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"] = outcome
    return results


@dg.asset(
    key=["published", "warehouse"],
    group_name="publish",
    deps=published_tables,
    kinds={"duckdb"},
    owners=WAREHOUSE_OWNERS,
    output_required=False,
    description="分析人员使用的只读快照 data/warehouse.duckdb：全部阻断性检查通过后原子替换。",
)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    unchanged_since = context.run.tags.get(NOTHING_NEW_TAG)
    if unchanged_since:
        # the nightly schedule found the inbox as the last publication loaded it: the snapshot stays
        context.log.info(
            f"无新报送 nothing new: inbox digest {unchanged_since} already published; snapshot kept"
        )
        context.log_event(
            dg.AssetObservation(
                asset_key=context.asset_key,
                metadata={"outcome": "nothing new, snapshot kept", "inbox_digest": unchanged_since},
            )
        )
        return
    publication = publish(
        warehouse.settings(),
        context.run.run_id,
        _check_results(context),
        inbox_digest=context.run.tags.get(INBOX_DIGEST_TAG),
    )
    context.log.info(f"published {publication.published} (snapshot {publication.snapshot.name})")
    yield dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(publication.published)),
            "snapshot": publication.snapshot.name,
            "mart_rows": dg.MetadataValue.json(publication.mart_rows),
        }
    )
