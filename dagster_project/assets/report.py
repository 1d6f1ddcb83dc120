"""The indicator report of the newest period, written after every publication from the published snapshot."""

import dagster as dg

from ..report import latest_period, write_report
from ..resources import WarehouseResource
from .publish import made_from_published_snapshot


@made_from_published_snapshot(
    key=["reports", "annual_report"],
    kinds={"python"},
    description=(
        "年度指标报告（report.md、report.xlsx、report.html）：由已发布快照生成，"
        "写入 data/reports/<年>-<月>/，并保留所用快照。"
    ),
)
def annual_report(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    settings = warehouse.settings()
    period = latest_period(settings.published_db)
    if period is None:
        context.log.warning("the published warehouse has no indicator values yet: no report written")
        return dg.MaterializeResult(metadata={"period": ""})
    year, through = period
    folder = write_report(settings, year, through)
    context.log.info(f"report written to {folder}")
    return dg.MaterializeResult(
        metadata={"period": f"{year}-{through:02d}", "folder": dg.MetadataValue.path(str(folder))}
    )
