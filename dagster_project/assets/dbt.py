"""dbt models as Dagster assets: keys are [schema, table], groups are the domains."""

import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    DbtProject,
    dbt_assets,
)
from dagster_dbt.core.dbt_event_iterator import DbtEventIterator
from dbt.adapters.duckdb.connections import DuckDBConnectionManager

from ..faults import crash_point
from ..settings import DBT_PROJECT_DIR
from .owners import WAREHOUSE_OWNERS

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
LAYERS = ("staging", "intermediate", "marts", "indicators")


def dbt_resource() -> DbtCliResource:
    """dbt from this interpreter's environment, so the CLI works without an activated venv."""
    return DbtCliResource(project_dir=dbt_project, dbt_executable=str(Path(sys.executable).parent / "dbt"))


class WarehouseDbtTranslator(DagsterDbtTranslator):
    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["identifier"]])
        schema = dbt_resource_props["config"].get("schema") or dbt_resource_props["schema"]
        return dg.AssetKey([schema, dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        """models/<layer>/<domain>/… → the domain; seeds are national reference data."""
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[2] if len(fqn) > 3 and fqn[1] in LAYERS else "warehouse"

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> Sequence[str]:
        """The owners a model's YAML names (meta.dagster.owners), else the warehouse's."""
        return super().get_owners(dbt_resource_props) or WAREHOUSE_OWNERS

    def get_asset_check_spec(
        self,
        asset_spec: dg.AssetSpec,
        manifest: Mapping[str, Any],
        unique_id: str,
        project: DbtProject | None,
    ) -> dg.AssetCheckSpec | None:
        """A test on a source is a check of its raw asset that does not block the raw assets downstream
        (a register's dependants): as a blocking check inside the dbt step it would have to finish before
        them, and the dbt step needs them first, so Dagster would split dbt build into several runs.
        dbt itself still skips the models downstream of a failing source test."""
        spec = super().get_asset_check_spec(asset_spec, manifest, unique_id, project)
        if spec is None or asset_spec.key.path[0] != "raw":
            return spec
        return dg.AssetCheckSpec(
            spec.name,
            asset=spec.asset_key,
            description=spec.description,
            additional_deps=spec.additional_deps,
            metadata=spec.metadata,
            blocking=False,
        )


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    # tests on dbt sources are checks of the raw assets they read (raw.py), not observations
    dagster_dbt_translator=WarehouseDbtTranslator(
        DagsterDbtTranslatorSettings(enable_asset_checks=True, enable_source_tests_as_checks=True)
    ),
)
def warehouse_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """dbt build: seeds, models and data tests of the selected models, and the tests on their sources.

    Each table's materialization carries its row count and column schema (dagster/row_count,
    dagster/column_schema); views are not counted, as that would run their query. On DuckDB, dagster-dbt
    fetches them once dbt has exited and released the build database's write lock.

    dbt unit tests check rule logic, not data; as dbt advises they run in development and CI
    (tests/unit/test_dbt_unit_tests.py), not in every refresh.
    """
    invocation = dbt.cli(["build", "--exclude-resource-type", "unit_test"], context=context)
    events = DbtEventIterator(_crash_checked(invocation.stream()), dbt_cli_invocation=invocation)
    try:
        yield from events.fetch_row_counts().fetch_column_metadata(with_column_lineage=False)
    finally:
        _close_dbt_duckdb_handle()


def _close_dbt_duckdb_handle() -> None:
    """dagster-dbt reads the row counts and columns through dbt-duckdb's adapter, which keeps the build
    database open (read-only) in this process; DuckDB then refuses the steps after dbt (GX checks,
    publication) their own connection to it, so the handle is closed once the metadata is read."""
    try:
        environment = DuckDBConnectionManager.env()
    except Exception:  # noqa: BLE001 dbt-duckdb's bare Exception: no adapter connection was opened
        return
    environment.close()
    DuckDBConnectionManager.close_all_connections()


def _crash_checked(events: Iterator) -> Iterator:
    """dbt's events as dbt emits them, past the crash point (a crash here kills dbt mid-build)."""
    for event in events:
        crash_point("dbt:running")
        yield event
