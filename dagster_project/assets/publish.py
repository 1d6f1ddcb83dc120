"""The published snapshot, and what is made from it: the Parquet exports and the quality report.

The snapshot runs only after every blocking (ERROR) check upstream has passed.
"""

import dagster as dg

from ..checks.quality_report import render_quality_report
from ..inbox import inbox_digest
from ..publish import publish
from ..publish.exports import write_exports
from ..publish.publication import record_nothing_new
from ..resources import WarehouseResource
from ..schedules import INBOX_DIGEST_TAG, NOTHING_NEW_TAG, last_published_digest, nightly_freshness
from ..settings import EXPECTATIONS_DIR
from .dbt import REBUILT, warehouse_dbt_models
from .owners import WAREHOUSE_OWNERS

PUBLISHED_LAYERS = ("marts", "indicators")
NOTHING_NEW_OUTCOME = "nothing new, snapshot kept"

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


def _dbt_ran_and_rebuilt_nothing(context: dg.AssetExecutionContext) -> bool:
    """Whether this run's dbt step left every model as it was (each says so in its metadata). A run
    without the dbt step (checks and publish only, after a repair in the build database) publishes."""
    records = context.instance.get_records_for_run(
        run_id=context.run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
    ).records
    flags = [
        record.event_log_entry.dagster_event.event_specific_data.materialization.metadata.get(REBUILT)
        for record in records
        if record.event_log_entry.dagster_event.event_specific_data.materialization.asset_key
        in warehouse_dbt_models.keys
    ]
    return bool(flags) and all(flag is not None and flag.value is False for flag in flags)


def _unchanged_since(context: dg.AssetExecutionContext, settings) -> str | None:
    """The published digest when this run changes nothing: the inbox as the last publication found it
    (the schedule's tag says so up front) and no model rebuilt."""
    if context.run.tags.get(NOTHING_NEW_TAG):
        return context.run.tags[NOTHING_NEW_TAG]
    published = last_published_digest(settings)
    digest = context.run.tags.get(INBOX_DIGEST_TAG) or inbox_digest(settings.raw_dir)
    if published is not None and digest == published and _dbt_ran_and_rebuilt_nothing(context):
        return published
    return None


@dg.asset(
    key=["published", "warehouse"],
    group_name="publish",
    deps=published_tables,
    kinds={"duckdb"},
    owners=WAREHOUSE_OWNERS,
    freshness_policy=nightly_freshness,
    description=(
        "分析人员使用的只读快照 data/warehouse.duckdb：全部阻断性检查通过后原子替换。"
        "每晚刷新都记一次物化（收件箱无变化时快照不变，元数据 outcome 注明“无新报送”），"
        "所以某晚未运行或失败时，本资产在次日早晨显示为不新鲜（freshness 失败）。"
    ),
)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    settings = warehouse.settings()
    unchanged_since = _unchanged_since(context, settings)
    if unchanged_since:
        # the inbox is as the last publication loaded it: the snapshot stays, the publish log says so, and
        # the materialization records the night as done for the freshness policy
        kept = record_nothing_new(settings, context.run.run_id, _check_results(context), unchanged_since)
        context.log.info(
            f"无新报送 nothing new: inbox digest {unchanged_since} already published; snapshot {kept} kept"
        )
        yield dg.MaterializeResult(
            metadata={
                "outcome": NOTHING_NEW_OUTCOME,
                "inbox_digest": unchanged_since,
                "kept_snapshot": kept or "",
            }
        )
        return
    publication = publish(
        settings,
        context.run.run_id,
        _check_results(context),
        inbox_digest=context.run.tags.get(INBOX_DIGEST_TAG),
    )
    context.log.info(f"published {publication.published} (snapshot {publication.snapshot.name})")
    yield dg.MaterializeResult(
        metadata={
            "outcome": "published",
            "path": dg.MetadataValue.path(str(publication.published)),
            "snapshot": publication.snapshot.name,
            "mart_rows": dg.MetadataValue.json(publication.mart_rows),
        }
    )


def made_from_published_snapshot(key: list[str], kinds: set[str], description: str):
    """The asset decorator for what is made from the published snapshot after each publication (group
    publish, downstream of the snapshot, so it never reads a half-published warehouse)."""
    return dg.asset(
        key=key,
        group_name="publish",
        deps=[published_warehouse],
        kinds=kinds,
        owners=WAREHOUSE_OWNERS,
        description=description,
    )


@made_from_published_snapshot(
    key=["published", "exports"],
    kinds={"parquet"},
    description=(
        "集市表与指标表的 Parquet 导出 data/exports/（含数据字典 dictionary.csv 与 README.md）："
        "由已发布快照生成，整体原子替换。"
    ),
)
def published_exports(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    settings = warehouse.settings()
    exported = write_exports(settings, context.run.run_id)
    context.log.info(f"exported {len(exported)} tables to {settings.exports_dir}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(settings.exports_dir)),
            "rows": dg.MetadataValue.json({f"{t.schema}.{t.name}": t.rows for t in exported}),
        }
    )


@made_from_published_snapshot(
    key=["published", "quality_report"],
    kinds={"html"},
    description=(
        "数据质量报告 data/quality/index.html：每个 GX 套件与期望的最近结果及历次结果，"
        "离线可看（不依赖 CDN）。"
    ),
)
def quality_report(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    page = render_quality_report(warehouse.settings().quality_dir, EXPECTATIONS_DIR)
    context.log.info(f"quality report written to {page}")
    return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(page))})
