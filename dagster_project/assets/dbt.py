"""dbt models as Dagster assets: keys are [schema, table], groups are the domains."""

import sys
from collections.abc import Mapping, Sequence
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


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=WarehouseDbtTranslator(DagsterDbtTranslatorSettings(enable_asset_checks=True)),
)
def warehouse_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """dbt build: seeds, models and data tests of the selected models.

    dbt unit tests check rule logic, not data; as dbt advises they run in development and CI
    (tests/unit/test_dbt_unit_tests.py), not in every refresh.
    """
    for event in dbt.cli(["build", "--exclude-resource-type", "unit_test"], context=context).stream():
        crash_point("dbt:running")
        yield event
