"""The lineage columns the ingest writes and the ones dbt's lineage_columns() macro passes on are one list."""

import re
from pathlib import Path

from dagster_project.ingest.registry import LINEAGE_COLUMNS

MACROS = Path(__file__).parents[2] / "dbt" / "macros" / "lineage_period.sql"
TYPED_PERIOD_COLUMNS = {"_period_month", "_period_year", "_district"}


def macro_columns() -> list[str]:
    body = MACROS.read_text(encoding="utf-8").split("macro lineage_columns", 1)[1]
    listed = re.search(r"for column in \[(.*?)\]", body, re.S)
    assert listed, f"{MACROS}: lineage_columns() lists no columns"
    return re.findall(r"'(\w+)'", listed.group(1))


def test_macro_passes_on_every_untyped_lineage_column_in_the_registry_order():
    expected = [name for name in LINEAGE_COLUMNS if name not in TYPED_PERIOD_COLUMNS]
    assert macro_columns() == expected
