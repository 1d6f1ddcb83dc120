"""Raw-layer assets, one per registry entry: raw/<table> in the asset group of its domain."""

from datetime import date

import dagster as dg

from ..faults import crash_point
from ..ingest.loader import ingest_source
from ..ingest.normalise import DistrictTable, UnitTable
from ..ingest.registry import SourceSpec, load_registry
from ..ingest.rejects_workbook import write_rejects_workbooks
from ..ingest.sql import quote_identifier
from ..privacy import pseudonym_key
from ..resources import WarehouseResource
from ..settings import REFERENCE_SEEDS_DIR
from .owners import WAREHOUSE_OWNERS


def _raw_asset(spec: SourceSpec) -> dg.AssetsDefinition:
    table = dg.AssetSpec(
        key=["raw", spec.raw_table],
        group_name=spec.domain,
        description=f"{spec.description_zh}（报送单位：{spec.department}；文件：{spec.files}）",
        deps=[dg.AssetKey(["raw", ref.source]) for ref in spec.references],
        kinds={"duckdb", "python"},
        owners=WAREHOUSE_OWNERS,
        metadata={"registry_entry": spec.name, "inbox_pattern": spec.files},
    )
    totals = (
        dg.AssetSpec(
            key=["raw", spec.totals_table],
            group_name=spec.domain,
            description=(
                f"{spec.description_zh}中的“{spec.total_row_label}”行：与明细同时装载，"
                "只用于核对各明细之和，不作为指标来源。"
            ),
            kinds={"duckdb", "python"},
            owners=WAREHOUSE_OWNERS,
            metadata={"registry_entry": spec.name, "inbox_pattern": spec.files},
        )
        if spec.totals_table
        else None
    )

    @dg.multi_asset(name=f"raw__{spec.raw_table}", specs=[table, *([totals] if totals else [])])
    def _load(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
        settings = warehouse.settings()
        batch = context.run.run_id
        with warehouse.connect() as conn:
            report = ingest_source(
                conn,
                spec,
                settings.raw_dir,
                batch,
                UnitTable.from_csv(REFERENCE_SEEDS_DIR / "units.csv"),
                DistrictTable.from_csv(REFERENCE_SEEDS_DIR / "districts.csv"),
                pseudonym_key=pseudonym_key(settings.data_dir),
                today=date.today(),
            )
            total_rows = conn.execute(
                f"SELECT count(*) FROM raw.{quote_identifier(spec.raw_table)}"  # noqa: S608 registry name
            ).fetchone()[0]
            totals_rows = (
                conn.execute(
                    f"SELECT count(*) FROM raw.{quote_identifier(spec.totals_table)}"  # noqa: S608 registry name
                ).fetchone()[0]
                if totals
                else None
            )
        crash_point("ingest:between_sources")
        for reject in report.rejects:
            context.log.warning(
                f"rejected {reject.scope}: {reject.file_path} sheet={reject.sheet} row={reject.row_number} "
                f"column={reject.column_name} value={reject.value!r}: {reject.reason}"
            )
        yield dg.MaterializeResult(
            asset_key=table.key,
            metadata={
                "files_seen": report.files_seen,
                "files_loaded": len(report.files_loaded),
                "files_unchanged": len(report.files_skipped),
                "files_superseded": len(report.files_superseded),
                "files_failed": dg.MetadataValue.json(report.files_failed),
                "rows_loaded": report.rows_loaded,
                "rows_rejected": len(report.rejects),
                "table_rows": total_rows,
            },
        )
        if totals:
            yield dg.MaterializeResult(asset_key=totals.key, metadata={"table_rows": totals_rows})

    return _load


def _bookkeeping_table(name: str, description: str) -> dg.AssetSpec:
    return dg.AssetSpec(
        key=["raw", name],
        group_name="ingest",
        description=description,
        kinds={"duckdb"},
        owners=WAREHOUSE_OWNERS,
    )


# written by every raw asset as it loads (ingest/schema.py), read by dbt as sources
BOOKKEEPING_TABLES = [
    _bookkeeping_table(
        "_files",
        "接入簿记：每个见过的文件一行（来源、路径、sha256、报送对象、版本、状态、装载行数、批次），由各接入资产装载时写入。",
    ),
    _bookkeeping_table(
        "_sources",
        "接入簿记：报送登记（ingest/registry/*.yml）中每个来源的应报要求（频率、报送单位、站点名录），由各接入资产装载时写入。",
    ),
]


@dg.asset(
    key=["rejects", "department_workbooks"],
    group_name="ingest",
    deps=[dg.AssetKey(["raw", spec.raw_table]) for spec in load_registry().values()],
    kinds={"excel"},
    owners=WAREHOUSE_OWNERS,
    description=(
        "各报送单位本次运行的待更正清单 data/rejects/<运行编号>/<报送单位>.xlsx：文件、工作表、"
        "单元格（如 C7）、值（个人信息已遮盖）、问题；来自本次装载批次的 raw._rejects，"
        "报送单位取自报送登记。本次无拒收时不写。"
    ),
)
def department_rejects_workbooks(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    settings = warehouse.settings()
    folder = settings.rejects_dir / context.run.run_id
    with warehouse.connect() as conn:
        written = write_rejects_workbooks(conn, context.run.run_id, settings.raw_dir, folder)
    for department, (path, items) in written.items():
        context.log.info(f"{department}: {items} 项待更正 to fix → {path}")
    return dg.MaterializeResult(
        metadata={
            "folder": dg.MetadataValue.path(str(folder)),
            "workbooks": dg.MetadataValue.json(
                {department: items for department, (_, items) in written.items()}
            ),
        }
    )


def build_raw_assets() -> list[dg.AssetsDefinition | dg.AssetSpec]:
    """One asset per registry entry (with its totals table where the entry has a total row), and the
    bookkeeping tables they all write."""
    return [*(_raw_asset(spec) for spec in load_registry().values()), *BOOKKEEPING_TABLES]
