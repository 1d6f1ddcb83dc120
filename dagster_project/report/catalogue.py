"""The indicator catalogue (seed reference.indicators) as the report code reads it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Indicator:
    code: str
    name_zh: str
    domain: str
    report_order: int
    unit: str
    unit_zh: str
    kind: str
    aggregation: str
    direction: str
    yoy_kind: str
    decimals: int
    significant_digits: int | None
    phrasing: str
    source_mart: str | None
    source_column: str | None
    sources: tuple[str, ...]
    formula_zh: str | None
    sentence_zh: str | None
    name_en: str = ""


# the workbook and the chart axes write unit symbols where the catalogue's unit_zh spells them out
UNIT_SYMBOLS = {"ug/m3": "μg/m³", "mg/m3": "mg/m³"}


def display_unit(indicator: Indicator) -> str:
    """μg/m³ for ug/m3 (微克/立方米 in sentences), otherwise the catalogue's Chinese unit."""
    return UNIT_SYMBOLS.get(indicator.unit, indicator.unit_zh)


@dataclass(frozen=True)
class Domain:
    domain: str
    report_order: int
    section_zh: str
    name_zh: str


def load_catalogue(conn: duckdb.DuckDBPyConnection) -> dict[str, Indicator]:
    rows = conn.execute(
        """SELECT code, name_zh, domain, report_order, coalesce(unit, ''), coalesce(unit_zh, ''), kind,
                  aggregation, direction, yoy_kind, decimals, significant_digits, phrasing, source_mart,
                  source_column, coalesce(sources, ''), formula_zh, sentence_zh, coalesce(name_en, '')
           FROM reference.indicators ORDER BY report_order"""
    ).fetchall()
    catalogue = {}
    for row in rows:
        values = list(row)
        values[15] = tuple(values[15].split())
        catalogue[row[0]] = Indicator(*values)
    return catalogue


def closest_codes(text: str, catalogue: dict[str, Indicator], n: int = 5) -> list[str]:
    """The codes a mistyped code or a fragment most likely meant: codes or Chinese names containing it
    (pm25, 优良天数), then the codes difflib finds closest (air.pm25_man, pm25_mean)."""
    needle = text.strip().casefold()
    containing = [
        code
        for code, indicator in catalogue.items()
        if needle and (needle in code.casefold() or needle in indicator.name_zh.casefold())
    ]
    similar = difflib.get_close_matches(text.strip(), list(catalogue), n=n, cutoff=0.6)
    return list(dict.fromkeys(containing + similar))[:n]


def load_domains(conn: duckdb.DuckDBPyConnection) -> list[Domain]:
    rows = conn.execute(
        "SELECT domain, report_order, section_zh, name_zh FROM reference.indicator_domains "
        "ORDER BY report_order"
    ).fetchall()
    return [Domain(*row) for row in rows]


def table_exists(conn: duckdb.DuckDBPyConnection, qualified: str) -> bool:
    schema, name = qualified.split(".")
    return bool(
        conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
            [schema, name],
        ).fetchone()[0]
    )
