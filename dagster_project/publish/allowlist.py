"""What the published snapshot may hold: an allow-list of tables and columns, never a copy with parts deleted.

- every dbt model materialised as a table, and every seed, with the columns its YAML declares (marts carry
  enforced contracts; a column nobody described is not published). Staging views are left out: they are
  typed 1:1 readings of raw, which is published itself;
- every registry source's raw table (and its 合计 table) with the registry's columns, less its
  `personal_columns`, plus the raw bookkeeping tables (files, rejects, sources);
- the ops tables the publication writes.

dbt nodes carry the descriptions persist_docs wrote into the build database; raw tables get theirs
from the registry (raw_descriptions.py) and the bookkeeping tables from their DDL, here.

A personal column name anywhere in the list stops the publication: a model that selected one would
otherwise carry it out of the build database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest.normalise import UnitTable
from ..ingest.registry import SourceSpec, load_registry
from ..ingest.schema import BOOKKEEPING_DESCRIPTIONS, BOOKKEEPING_TABLES, source_columns
from ..settings import DBT_PROJECT_DIR, REFERENCE_SEEDS_DIR
from .raw_descriptions import column_descriptions, table_description


class PublishError(RuntimeError):
    """The allow-list and the build database disagree; nothing is published."""


@dataclass(frozen=True)
class PublishedTable:
    """A table and columns to publish; descriptions given here replace the build database's comments."""

    schema: str
    name: str
    columns: tuple[str, ...]
    description: str | None = None
    column_descriptions: Mapping[str, str] = field(default_factory=dict, hash=False)


def _dbt_tables(manifest: Mapping) -> list[PublishedTable]:
    tables = []
    for node in manifest["nodes"].values():
        if node["resource_type"] not in ("model", "seed") or node["config"]["materialized"] == "view":
            continue
        if not node["columns"]:
            raise PublishError(
                f"dbt {node['resource_type']} {node['name']} declares no columns in its YAML: "
                "nothing of it can be published / 未在 YAML 中声明任何列，不能发布"
            )
        tables.append(PublishedTable(node["schema"], node["alias"], tuple(node["columns"])))
    return tables


def _raw_tables(registry: Mapping[str, SourceSpec], convertible_units: set[str]) -> list[PublishedTable]:
    tables = [
        PublishedTable(
            *qualified.split("."),
            tuple(columns),
            BOOKKEEPING_DESCRIPTIONS[qualified],
            {name: description for name, (_, description) in columns.items()},
        )
        for qualified, columns in BOOKKEEPING_TABLES.items()
    ]
    for spec in registry.values():
        allowed = tuple(c for c in source_columns(spec, convertible_units) if c not in spec.personal_columns)
        descriptions = column_descriptions(spec, convertible_units)
        tables.append(PublishedTable("raw", spec.raw_table, allowed, table_description(spec), descriptions))
        if spec.totals_table:
            tables.append(
                PublishedTable(
                    "raw", spec.totals_table, allowed, table_description(spec, totals=True), descriptions
                )
            )
    return tables


def _refuse_personal_columns(tables: Iterable[PublishedTable], registry: Mapping[str, SourceSpec]) -> None:
    personal = {column for spec in registry.values() for column in spec.personal_columns}
    leaks = [f"{t.schema}.{t.name}.{c}" for t in tables for c in t.columns if c in personal]
    if leaks:
        raise PublishError(f"personal columns would be published / 个人信息列将被发布: {', '.join(leaks)}")


def published_tables(
    ops_tables: Mapping[str, Mapping[str, tuple[str, str]]],
    manifest_path: Path = DBT_PROJECT_DIR / "target" / "manifest.json",
    registry: Mapping[str, SourceSpec] | None = None,
) -> list[PublishedTable]:
    """The allow-list for this build: dbt nodes from the manifest, raw from the registry, the ops tables."""
    registry = load_registry() if registry is None else registry
    convertible = UnitTable.from_csv(REFERENCE_SEEDS_DIR / "units.csv").units()
    tables = [
        *_dbt_tables(json.loads(manifest_path.read_text(encoding="utf-8"))),
        *_raw_tables(registry, convertible),
        *(PublishedTable(*qualified.split("."), tuple(columns)) for qualified, columns in ops_tables.items()),
    ]
    _refuse_personal_columns(tables, registry)
    return tables
