"""Why a figure is 暂定, in words: "镜湖区、鸠江区 10月大气污染防治执法工作月报表未报送".

fct_indicator_values.missing_submissions lists what is missing as `source:unit:YYYY-MM; …` (its documented
form). Here each source becomes the name of its form (raw._sources.description_zh up to its first
bracket), a station code becomes the station's name from the source's register, districts are listed in
the districts seed's order (all of them: 各区县), and months run together ("1–5月、10月").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import duckdb

from ..ingest.registry import load_registry
from .catalogue import table_exists

WHOLE_CITY_UNIT = "全市"
EVERY_DISTRICT = "各区县"


def _form_name(description_zh: str) -> str:
    return description_zh.split("（")[0].split("(")[0].strip()


@dataclass(frozen=True)
class Form:
    name: str
    cadence: str  # monthly | yearly | on_change (raw._sources.cadence)


def forms(conn: duckdb.DuckDBPyConnection) -> dict[str, Form]:
    """source → its form as a clerk knows it (the name from the registry's description_zh) and cadence."""
    if not table_exists(conn, "raw._sources"):
        return {}
    return {
        source: Form(_form_name(text), cadence)
        for source, text, cadence in conn.execute(
            "SELECT source, description_zh, cadence FROM raw._sources WHERE description_zh IS NOT NULL"
        ).fetchall()
    }


def station_names(conn: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    """(source, station code) → station name, for sources submitted per station of a register whose
    registry column names a label column (air_hourly: 1471A → 市监测站)."""
    names: dict[tuple[str, str], str] = {}
    for spec in load_registry().values():
        register = spec.expected.register
        if spec.expected.per != "station" or register is None:
            continue
        reference = next(
            (
                column.reference
                for column in spec.columns
                if column.reference and column.reference.source == register and column.reference.label_column
            ),
            None,
        )
        if reference is None or not table_exists(conn, f"raw.{register}"):
            continue
        rows = conn.execute(
            f"SELECT DISTINCT {reference.column}, {reference.label_column} "  # noqa: S608 registry names
            f"FROM raw.{register} WHERE {reference.label_column} IS NOT NULL"
        ).fetchall()
        names.update({(spec.name, str(code)): str(label) for code, label in rows})
    return names


def month_runs(months: list[int]) -> str:
    """[1, 2, 3, 5, 10, 11] → "1–3月、5月、10–11月"."""
    runs: list[list[int]] = []
    for month in sorted(set(months)):
        if runs and month == runs[-1][-1] + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return "、".join(f"{run[0]}–{run[-1]}月" if len(run) > 1 else f"{run[0]}月" for run in runs)


def parse_missing(missing_submissions: str) -> list[tuple[str, str, int, int]]:
    """`air_enforcement:镜湖区:2023-10; …` → [(source, unit, year, month), …]."""
    parsed = []
    for item in missing_submissions.split(";"):
        item = item.strip()
        if not item:
            continue
        source, rest = item.split(":", 1)
        unit, period = rest.rsplit(":", 1)
        year, month = period.split("-")
        parsed.append((source, unit, int(year), int(month)))
    return parsed


def district_names(conn: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """The districts seed's names, in its order (by district code)."""
    return tuple(
        r[0]
        for r in conn.execute(
            "SELECT district_name FROM reference.districts ORDER BY district_code"
        ).fetchall()
    )


def _who(
    units: list[str], source: str, stations: dict[tuple[str, str], str], districts: tuple[str, ...]
) -> str:
    named = [unit for unit in units if unit != WHOLE_CITY_UNIT]
    if len(districts) > 1 and set(districts) <= set(named):
        named = [EVERY_DISTRICT] + [unit for unit in named if unit not in districts]
    order = {name: index for index, name in enumerate(districts)}
    named.sort(key=lambda unit: (order.get(unit, len(order)), unit) if unit != EVERY_DISTRICT else (-1, ""))
    return "、".join(stations.get((source, unit), unit) for unit in named)


def missing_in_words(
    missing_submissions: str | None,
    forms: dict[str, Form],
    stations: dict[tuple[str, str], str],
    districts: tuple[str, ...] = (),
) -> list[str]:
    """One sentence per form and set of months (a yearly form: its year), naming every unit that has not
    submitted it."""
    if not missing_submissions:
        return []
    months_of: dict[tuple[str, str], list[int]] = defaultdict(list)
    year_of: dict[str, int] = {}
    for source, unit, year, month in parse_missing(missing_submissions):
        months_of[(source, unit)].append(month)
        year_of[source] = year
    units_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (source, unit), months in months_of.items():
        form = forms.get(source)
        when = f"{year_of[source]}年度" if form and form.cadence == "yearly" else month_runs(months)
        units_of[(source, when)].append(unit)
    sentences = []
    for (source, when), units in units_of.items():
        who = _who(units, source, stations, districts)
        name = forms[source].name if source in forms else source
        sentences.append(f"{who + ' ' if who else ''}{when}{name}未报送")
    return sentences
