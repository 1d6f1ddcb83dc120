"""Every example query of docs/analyst-guide.md runs on the published sample and answers with rows."""

from __future__ import annotations

import re

import pytest

from tests.pipeline import REPO_ROOT

GUIDE = (REPO_ROOT / "docs" / "analyst-guide.md").read_text(encoding="utf-8")
QUERIES = re.findall(r"^```sql\n(.*?)^```", GUIDE, flags=re.S | re.M)
FIRST_TABLE = re.compile(r"from\s+([\w.]+)")


def test_the_guide_has_examples_for_every_published_layer_analysts_ask_about():
    assert len(QUERIES) >= 15
    text = "\n".join(QUERIES)
    for table in ("indicators.fct_indicator_values", "indicators.rpt_scorecard", "ops.figure_revisions"):
        assert table in text, table


@pytest.mark.sample
@pytest.mark.parametrize(
    "query",
    QUERIES,
    ids=[f"{i:02d}-{FIRST_TABLE.search(q).group(1)}" for i, q in enumerate(QUERIES)],
)
def test_an_example_query_returns_rows_on_the_sample(warehouse, query):
    rows = warehouse.execute(query).fetchall()
    assert len(rows) >= 1
