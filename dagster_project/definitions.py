"""The one Definitions object: it only assembles what the other modules build."""

import dagster as dg

from .alerts import alert_on_run_failure
from .assets.dbt import dbt_resource, warehouse_dbt_models
from .assets.publish import published_exports, published_warehouse, quality_report
from .assets.raw import build_raw_assets, department_rejects_workbooks
from .assets.report import annual_report
from .checks.asset_checks import build_gx_checks
from .progress import progress_logger
from .resources import WarehouseResource
from .schedules import inbox_sensor, nightly_refresh, refresh_job

defs = dg.Definitions(
    assets=[
        *build_raw_assets(),
        department_rejects_workbooks,
        warehouse_dbt_models,
        published_warehouse,
        published_exports,
        quality_report,
        annual_report,
    ],
    asset_checks=build_gx_checks(),
    jobs=[refresh_job],
    schedules=[nightly_refresh],
    sensors=[inbox_sensor, alert_on_run_failure],
    resources={"warehouse": WarehouseResource(), "dbt": dbt_resource()},
    executor=dg.in_process_executor,
    loggers={"console": dg.colored_console_logger, "progress": progress_logger},
)
