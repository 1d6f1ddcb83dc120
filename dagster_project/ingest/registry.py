"""The source registry: one YAML entry per submission type (dagster_project/ingest/registry/*.yml).

Adding a source or a domain means adding an entry here and a dbt staging model — no new ingest code.
Field reference: docs/source-registry.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

REGISTRY_DIR = Path(__file__).parent / "registry"

COLUMN_TYPES = ("text", "number", "integer", "date", "timestamp", "bool", "district")
SOURCE_KINDS = ("monthly", "register")
IDENTITY_PARTS = ("period", "year", "district")

LINEAGE_COLUMNS: dict[str, str] = {
    "_source": "VARCHAR",
    "_file_path": "VARCHAR",
    "_sheet": "VARCHAR",
    "_row_number": "INTEGER",
    "_file_sha256": "VARCHAR",
    "_file_identity": "VARCHAR",
    "_file_version": "VARCHAR",
    "_load_batch": "VARCHAR",
    "_loaded_at": "TIMESTAMP",
    # the file identity typed, so that no model parses _file_identity back
    "_period_month": "DATE",
    "_period_year": "INTEGER",
    "_district": "VARCHAR",
}

_SQL_TYPES = {
    "text": "VARCHAR",
    "district": "VARCHAR",
    "number": "DOUBLE",
    "integer": "BIGINT",
    "date": "DATE",
    "timestamp": "TIMESTAMP",
    "bool": "BOOLEAN",
}


class RegistryError(ValueError):
    """A registry entry that does not describe a source completely."""


@dataclass(frozen=True)
class Reference:
    source: str
    column: str
    label_column: str | None = None


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    headers: tuple[str, ...]
    type: str
    required: bool = False
    unit: str | None = None
    approx: bool = False
    minimum: float | None = None
    maximum: float | None = None
    allowed: tuple[str, ...] = ()
    reference: Reference | None = None

    @property
    def sql_type(self) -> str:
        return _SQL_TYPES[self.type]


@dataclass(frozen=True)
class Expectation:
    """Who is expected to submit and how often (drives completeness reporting)."""

    cadence: str
    per: str | None = None
    register: str | None = None
    # who must submit, where not everyone must: per district, the districts named; per station, the
    # register rows matching every (column, value), each until its date in `register_until` (e.g. revoked_on)
    units: tuple[str, ...] = ()
    register_filter: tuple[tuple[str, str], ...] = ()
    register_until: str | None = None

    @classmethod
    def from_registry(cls, raw: dict, source: str) -> Expectation:
        known = {"cadence", "per", "register", "units", "register_filter", "register_until"}
        if set(raw) - known:
            raise RegistryError(f"{source}.expected: unknown keys {sorted(set(raw) - known)}")
        if (raw.get("register_filter") or raw.get("register_until")) and raw.get("per") != "station":
            raise RegistryError(f"{source}.expected: register_filter/register_until need per: station")
        if raw.get("units") and raw.get("per") != "district":
            raise RegistryError(f"{source}.expected: units names districts and needs per: district")
        return cls(
            cadence=raw["cadence"],
            per=raw.get("per"),
            register=raw.get("register"),
            units=_as_tuple(raw.get("units")),
            register_filter=tuple((str(k), str(v)) for k, v in (raw.get("register_filter") or {}).items()),
            register_until=raw.get("register_until"),
        )


@dataclass(frozen=True)
class SourceSpec:
    name: str
    domain: str
    description_zh: str
    department: str
    files: str
    sheet: str | None
    header_contains: tuple[str, ...]
    kind: str
    identity: tuple[str, ...]
    key: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    expected: Expectation
    header_rows: int = 1
    total_row_label: str | None = None
    on_invalid_value: str = "reject_row"
    period_column: str | None = None
    period_convention: str = "calendar"
    personal_columns: tuple[str, ...] = ()
    pseudonyms: tuple[tuple[str, str], ...] = ()  # (pseudonym column, personal column it is keyed from)
    references: tuple[Reference, ...] = field(default=())

    @property
    def raw_table(self) -> str:
        return self.name

    @property
    def totals_table(self) -> str | None:
        return f"{self.name}_totals" if self.total_row_label else None

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.name == name)


def _as_tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (value,)


def _column(name: str, raw: dict, source: str) -> ColumnSpec:
    if raw.get("type") not in COLUMN_TYPES:
        raise RegistryError(f"{source}.{name}: type must be one of {COLUMN_TYPES}")
    reference = raw.get("reference")
    return ColumnSpec(
        name=name,
        headers=_as_tuple(raw["header"]),
        type=raw["type"],
        required=bool(raw.get("required", False)),
        unit=raw.get("unit"),
        approx=bool(raw.get("approx", False)),
        minimum=raw.get("min"),
        maximum=raw.get("max"),
        allowed=_as_tuple(raw.get("allowed")),
        reference=Reference(**reference) if reference else None,
    )


def _source(name: str, raw: dict, domain: str) -> SourceSpec:
    columns = tuple(_column(col, spec, name) for col, spec in raw["columns"].items())
    if raw["kind"] not in SOURCE_KINDS:
        raise RegistryError(f"{name}: kind must be one of {SOURCE_KINDS}")
    unknown_parts = set(_as_tuple(raw.get("identity"))) - set(IDENTITY_PARTS)
    if unknown_parts:
        raise RegistryError(f"{name}: unknown identity parts {sorted(unknown_parts)}")
    names = {c.name for c in columns}
    for key in _as_tuple(raw["key"]):
        if key not in names:
            raise RegistryError(f"{name}: key column {key} is not a column")
    personal_columns = _as_tuple(raw.get("personal_columns"))
    pseudonyms = raw.get("pseudonyms") or {}
    for derived, personal in pseudonyms.items():
        if personal not in personal_columns:
            raise RegistryError(f"{name}: pseudonym {derived} must be derived from a personal column")
        if derived in names:
            raise RegistryError(f"{name}: pseudonym {derived} clashes with a column of the same name")
    return SourceSpec(
        name=name,
        domain=domain,
        description_zh=raw["description_zh"],
        department=raw.get("department", ""),
        files=raw["files"],
        sheet=raw.get("sheet"),
        header_contains=_as_tuple(raw["header_contains"]),
        kind=raw["kind"],
        identity=_as_tuple(raw.get("identity")),
        key=_as_tuple(raw["key"]),
        columns=columns,
        expected=Expectation.from_registry(raw.get("expected", {"cadence": "on_change"}), name),
        header_rows=int(raw.get("header_rows", 1)),
        total_row_label=raw.get("total_row_label"),
        on_invalid_value=raw.get("on_invalid_value", "reject_row"),
        period_column=raw.get("period_column"),
        period_convention=raw.get("period_convention", "calendar"),
        personal_columns=personal_columns,
        pseudonyms=tuple(pseudonyms.items()),
        references=tuple(c.reference for c in columns if c.reference),
    )


@cache
def load_registry(registry_dir: Path = REGISTRY_DIR) -> dict[str, SourceSpec]:
    sources: dict[str, SourceSpec] = {}
    for path in sorted(registry_dir.glob("*.yml")):
        for name, raw in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if name in sources:
                raise RegistryError(f"{path.name}: source {name} is defined twice")
            sources[name] = _source(name, raw, domain=path.stem)
    for spec in sources.values():
        _check_register_columns(spec, sources)
    return sources


def _check_register_columns(spec: SourceSpec, sources: dict[str, SourceSpec]) -> None:
    """A register filter or end date must name columns the register has: a typo would expect nobody."""
    expected = spec.expected
    named = [column for column, _ in expected.register_filter] + [expected.register_until or ""]
    if expected.per != "station" or not any(named):
        return
    register = sources.get(expected.register)
    if register is None:
        raise RegistryError(f"{spec.name}.expected: register {expected.register} is not a source")
    unknown = [c for c in named if c and c not in {column.name for column in register.columns}]
    if unknown:
        raise RegistryError(f"{spec.name}.expected: {unknown} are not columns of {register.name}")
