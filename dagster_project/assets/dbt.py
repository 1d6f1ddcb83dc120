"""dbt models as Dagster assets: keys are [schema, table], groups are the domains."""

import importlib.metadata
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtCliRuntimeError,
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    DbtProject,
    dbt_assets,
)
from packaging import version

from ..faults import crash_point
from ..ingest.sql import quote_identifier
from ..resources import WarehouseResource
from ..settings import DBT_PROJECT_DIR
from .dbt_selection import INDIRECT_SELECTION, plan_build, save_state
from .owners import WAREHOUSE_OWNERS

# metadata key of a dbt asset this run did not rebuild (value False): its table is the one the last build left
REBUILT = "rebuilt"

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
LAYERS = ("staging", "intermediate", "marts", "indicators")


class EnvironmentDbtCliResource(DbtCliResource):
    """dbt-core from this interpreter's environment, so the CLI works without an activated venv.

    dagster-dbt would otherwise, in every run, start `dbt --version` in a subprocess to learn the version
    (2–3 s: it imports dbt) and load dbt's profile and adapter into Dagster's process (about 1 s), which it
    uses only for dbt's own row-count and column-metadata fetchers; this project reads both itself once
    dbt has exited (_with_table_metadata). The version is the installed package's.
    """

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(importlib.metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args: Sequence[str]) -> None:
        return None


def dbt_resource() -> DbtCliResource:
    return EnvironmentDbtCliResource(
        project_dir=dbt_project, dbt_executable=str(Path(sys.executable).parent / "dbt")
    )


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
def warehouse_dbt_models(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource
):
    """dbt build: seeds, models and data tests of the selected models downstream of what changed.

    Each table's materialization carries its row count and column schema (dagster/row_count,
    dagster/column_schema); views are not counted, as that would run their query. They are read once dbt
    has exited and released the build database's write lock (_with_table_metadata).

    Only the nodes downstream of raw tables that loaded something since the last build are built
    (dbt_selection.py); every other model is reported as not rebuilt, its table unchanged.
    dbt unit tests check rule logic, not data; as dbt advises they run in development and CI
    (tests/unit/test_dbt_unit_tests.py), not in every refresh.
    """
    settings = warehouse.settings()
    manifest = json.loads(Path(dbt_project.manifest_path).read_text(encoding="utf-8"))
    with warehouse.connect(read_only=True) as conn:
        plan = plan_build(settings, manifest, conn)
    context.log.info(f"dbt build plan: {plan.reason}")
    selected = context.selected_asset_keys
    if plan.exclude is None:
        rebuilt = selected
    else:
        translator = WarehouseDbtTranslator()
        nodes = manifest["nodes"]
        rebuilt = {translator.get_asset_key(nodes[uid]) for uid in plan.affected if uid in nodes} & selected
    # what is left as it was comes first: nothing it depends on is rebuilt (what is rebuilt is everything
    # downstream of a change), and a multi-asset yields its outputs in dependency order
    left = selected - rebuilt
    order = TopologicalSorter({key: context.assets_def.asset_deps.get(key, set()) & left for key in left})
    for key in order.static_order():
        yield dg.Output(
            None,
            output_name=context.assets_def.get_output_name_for_asset_key(key),
            metadata={REBUILT: False, "reason": f"上游无变化，未重建 not rebuilt: {plan.reason}"},
        )
    if not plan.nothing_to_build:
        # dbt/logs/dbt.log keeps warnings and errors: at dbt's default level (debug) it gets every node's
        # SQL and timings; without them a full build took 14 % less wall time (farm-bench, 3 runs each, with
        # the file log off). The run log keeps dbt's info lines, and run_results.json every node's result.
        args = ["build", "--exclude-resource-type", "unit_test", "--log-level-file", "warn"]
        if plan.exclude is None:
            args.append("--full-refresh")
        elif plan.exclude:
            args += ["--indirect-selection", INDIRECT_SELECTION, "--exclude", " ".join(plan.exclude)]
        events, failure = [], None
        try:
            for event in _crash_checked(dbt.cli(args, context=context).stream()):
                events.append(event)
        except DagsterDbtCliRuntimeError as error:
            failure = error
        # what dbt built before it failed is still reported, then the step fails
        yield from _with_table_metadata(context, events, manifest, warehouse)
        if failure is not None:
            raise failure
    save_state(settings, plan)


def _table_relations(manifest: Mapping[str, Any]) -> dict[dg.AssetKey, tuple[str, str]]:
    """asset key → (schema, table) of every dbt model or seed that is stored as a table."""
    translator = WarehouseDbtTranslator()
    return {
        translator.get_asset_key(node): (node["schema"], node["alias"])
        for node in manifest["nodes"].values()
        if node["resource_type"] in ("model", "seed") and node["config"].get("materialized") != "view"
    }


def _with_table_metadata(
    context: dg.AssetExecutionContext,
    events: list,
    manifest: Mapping[str, Any],
    warehouse: WarehouseResource,
) -> Iterator:
    """dbt's events, each table's output with its row count and column schema, read after dbt exited in
    two queries on the build database (dagster-dbt's fetch_row_counts and fetch_column_metadata open dbt's
    adapter and query each table twice)."""
    relations = _table_relations(manifest)
    built = {
        relations[key]
        for event in events
        if isinstance(event, dg.Output)
        and (key := context.assets_def.keys_by_output_name.get(event.output_name)) in relations
    }
    metadata = {}
    if built:
        with warehouse.connect(read_only=True) as conn:
            metadata = table_metadata(conn, sorted(built))
    for event in events:
        if isinstance(event, dg.Output):
            relation = relations.get(context.assets_def.keys_by_output_name.get(event.output_name))
            if relation in metadata:
                event = event.with_metadata({**event.metadata, **metadata[relation]})
        yield event


def table_metadata(conn, tables: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """(schema, table) → dagster/row_count and dagster/column_schema, in one query each."""
    counts = conn.execute(
        " UNION ALL ".join(
            f"SELECT ? AS table_schema, ? AS table_name, count(*) FROM {quote_identifier(schema)}."  # noqa: S608
            f"{quote_identifier(table)}"
            for schema, table in tables
        ),
        [value for relation in tables for value in relation],
    ).fetchall()
    columns: dict[tuple[str, str], list[dg.TableColumn]] = {}
    for schema, table, name, data_type in conn.execute(
        "SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_catalog = current_database() ORDER BY table_schema, table_name, ordinal_position"
    ).fetchall():
        columns.setdefault((schema, table), []).append(dg.TableColumn(name, data_type))
    return {
        (schema, table): {
            "dagster/row_count": dg.MetadataValue.int(row_count),
            "dagster/column_schema": dg.MetadataValue.table_schema(
                dg.TableSchema(columns=columns.get((schema, table), []))
            ),
        }
        for schema, table, row_count in counts
    }


def _crash_checked(events: Iterator) -> Iterator:
    """dbt's events as dbt emits them, past the crash point (a crash here kills dbt mid-build)."""
    for event in events:
        crash_point("dbt:running")
        yield event
