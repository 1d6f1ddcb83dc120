"""Which dbt nodes a refresh builds: only those downstream of raw tables that changed since the last build.

After each successful dbt build the build database's folder keeps a small state file: the digest of
the code the build ran (the dbt manifest's nodes, macros and sources, dbt_project.yml and the ingest
registry) and the latest `raw._files.loaded_at` it saw. The next refresh compares both:

- no state, other code, or no raw bookkeeping yet: everything is built (a full rebuild is deleting the
  state file, `make rebuild`);
- the same code: only the nodes downstream of the sources whose files were loaded, superseded or
  rejected since (a source's raw table, its totals table and the bookkeeping tables every load
  writes), with the tests on them; nothing at all when no file came in.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..ingest.registry import REGISTRY_DIR, load_registry
from ..ingest.schema import BOOKKEEPING_TABLES, FILES_TABLE
from ..settings import DBT_PROJECT_DIR, Settings

STATE_FILE_NAME = "dbt_build_state.json"
BUILT_TYPES = ("model", "seed", "snapshot", "test")
# how the selectors of `BuildPlan.exclude` leave tests out: only a test whose parents are all left out
INDIRECT_SELECTION = "cautious"


@dataclass(frozen=True)
class BuildPlan:
    """`exclude` is None for a full build; otherwise the dbt selectors of the nodes the build leaves out,
    and `affected` the unique_ids it builds."""

    exclude: list[str] | None
    affected: frozenset[str]
    changed_sources: list[str]
    files_loaded_at: str | None
    code_digest: str
    reason: str

    @property
    def nothing_to_build(self) -> bool:
        return self.exclude is not None and not self.changed_sources


def state_path(settings: Settings) -> Path:
    return settings.build_db.parent / STATE_FILE_NAME


def code_digest(manifest: dict) -> str:
    """What decides the SQL a build runs, without the manifest's timestamps and paths."""
    parts = {
        "nodes": {
            uid: [n.get("checksum"), n.get("config"), n.get("depends_on"), n.get("test_metadata")]
            for uid, n in sorted(manifest["nodes"].items())
        },
        "macros": {uid: m.get("macro_sql") for uid, m in sorted(manifest["macros"].items())},
        "sources": {uid: [s["schema"], s["identifier"]] for uid, s in sorted(manifest["sources"].items())},
        "project": (DBT_PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"),
        "registry": [p.read_text(encoding="utf-8") for p in sorted(REGISTRY_DIR.glob("*.yml"))],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _changed_sources(conn: duckdb.DuckDBPyConnection, since: str) -> list[str]:
    """Registry sources with a file loaded, superseded or rejected after `since`."""
    rows = conn.execute(
        f"SELECT DISTINCT source FROM {FILES_TABLE} WHERE loaded_at > CAST(? AS TIMESTAMP) ORDER BY 1",  # noqa: S608 a module constant
        [since],
    ).fetchall()
    return [r[0] for r in rows]


def _reachable(edges: dict, start: list[str]) -> set[str]:
    """Every node reached from `start` along `edges` (node → next nodes), `start` itself left out."""
    seen: set[str] = set()
    pending = list(start)
    while pending:
        for node in edges.get(pending.pop(), ()):
            if node not in seen:
                seen.add(node)
                pending.append(node)
    return seen


def affected_nodes(manifest: dict, raw_tables: set[str]) -> set[str]:
    """unique_ids of every node downstream of the raw-schema sources named, tests included."""
    sources = [
        uid
        for uid, source in manifest["sources"].items()
        if source["schema"] == "raw" and source["identifier"] in raw_tables
    ]
    return _reachable(manifest["child_map"], sources)


def _parents(manifest: dict) -> dict[str, set[str]]:
    parents: dict[str, set[str]] = {}
    for uid, children in manifest["child_map"].items():
        for child in children:
            parents.setdefault(child, set()).add(uid)
    return parents


def exclusions(manifest: dict, affected: set[str]) -> list[str] | None:
    """dbt selectors for every node outside `affected`, as few as dbt needs: dbt matches each selector
    against every node, and one per node left out (a thousand) cost a refresh about 5 s of selection.

    Every ancestor of a node outside `affected` is outside it too. So the models left out are the
    ancestors of those among them with no model child left out: one `+fqn:` selector each, plus the
    seeds as one resource type (no seed is ever downstream of a raw table). With cautious indirect
    selection (INDIRECT_SELECTION) dbt then leaves out exactly the tests whose parents are all left
    out, which are the tests outside `affected`; a test on a source that no model reads is named by its
    fqn. An fqn is matched as a prefix, so when one would also match an affected node (a folder named
    like a node), None: build everything."""
    nodes = manifest["nodes"]
    left_out_models = {
        uid
        for uid, node in nodes.items()
        if node["resource_type"] in BUILT_TYPES
        and node["resource_type"] not in ("seed", "test")
        and uid not in affected
    }
    children = manifest["child_map"]
    outermost = {uid for uid in left_out_models if not left_out_models & set(children.get(uid, ()))}
    parents = _parents(manifest)
    covered = outermost | _reachable(parents, list(outermost))
    covered |= {uid for uid, node in nodes.items() if node["resource_type"] == "seed"}
    loose_tests = {
        uid
        for uid, node in nodes.items()
        if node["resource_type"] == "test" and uid not in affected and not parents.get(uid, set()) <= covered
    }
    kept = [nodes[uid]["fqn"] for uid in affected if uid in nodes]
    for uid in outermost | loose_tests:
        if any(fqn[: len(nodes[uid]["fqn"])] == nodes[uid]["fqn"] for fqn in kept):
            return None
    return [
        "resource_type:seed",
        *sorted("+fqn:" + ".".join(nodes[uid]["fqn"]) for uid in outermost),
        *sorted("fqn:" + ".".join(nodes[uid]["fqn"]) for uid in loose_tests),
    ]


def plan_build(settings: Settings, manifest: dict, conn: duckdb.DuckDBPyConnection) -> BuildPlan:
    digest = code_digest(manifest)
    state_file = state_path(settings)
    state = json.loads(state_file.read_text()) if state_file.exists() else None
    has_files = conn.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'raw' AND table_name = '_files'"
    ).fetchone()[0]
    latest = (
        conn.execute(f"SELECT CAST(max(loaded_at) AS VARCHAR) FROM {FILES_TABLE}").fetchone()[0]  # noqa: S608
        if has_files
        else None
    )
    if state is None or state.get("code_digest") != digest or not state.get("files_loaded_at") or not latest:
        reason = "no earlier build" if state is None else "code changed or no earlier load"
        return BuildPlan(None, frozenset(), [], latest, digest, f"full build: {reason}")
    changed = _changed_sources(conn, state["files_loaded_at"])
    registry = load_registry()
    raw_tables = {t for name in changed for t in (registry[name].raw_table, registry[name].totals_table) if t}
    if changed:
        raw_tables |= {table.split(".", 1)[1] for table in BOOKKEEPING_TABLES}
    affected = affected_nodes(manifest, raw_tables)
    exclude = exclusions(manifest, affected)
    if exclude is None:
        return BuildPlan(None, frozenset(), changed, latest, digest, "full build: a node cannot be left out")
    built = sum(1 for uid in affected if manifest["nodes"].get(uid, {}).get("resource_type") in BUILT_TYPES)
    reason = (
        f"{built} nodes downstream of {', '.join(changed)}"
        if changed
        else "no file loaded since the last build"
    )
    return BuildPlan(exclude, frozenset(affected), changed, latest, digest, reason)


def save_state(settings: Settings, plan: BuildPlan) -> None:
    """Record a successful build: the code it ran and the latest load it included."""
    state_path(settings).write_text(
        json.dumps({"code_digest": plan.code_digest, "files_loaded_at": plan.files_loaded_at}, indent=2)
    )
