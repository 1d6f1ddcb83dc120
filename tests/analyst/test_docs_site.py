"""`make docs`: dbt's documentation site as one file that loads nothing from the network."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import dbt.task.docs
import pytest

from dagster_project.docs_site import DocsError, build_docs, network_loads, offline_page
from dagster_project.settings import Settings

DBT_PAGE = (Path(dbt.task.docs.__file__).parent / "index.html").read_text(encoding="utf-8")


def test_dbts_page_loads_only_its_usage_tracker_from_the_network_and_that_is_removed():
    assert [load for load in network_loads(DBT_PAGE) if "sp.js" in load] != []
    assert network_loads(offline_page(DBT_PAGE)) == []


@pytest.mark.parametrize(
    "load",
    [
        '<script src="https://cdn.jsdelivr.net/npm/x.js"></script>',
        "<link rel='stylesheet' href='//fonts.googleapis.com/css?family=Inter'>",
        "<style>@import url(https://example.org/a.css);</style>",
        "<style>body{background:url('http://example.org/b.png')}</style>",
    ],
)
def test_a_page_that_would_load_from_a_cdn_is_refused(load):
    with pytest.raises(DocsError, match="network"):
        offline_page(f"<html><head>{load}</head><body></body></html>")


@pytest.mark.sample
def test_make_docs_writes_one_offline_page_of_the_project(sample_build, tmp_path):
    settings = replace(Settings.from_env(), data_dir=tmp_path)
    settings.build_db.parent.mkdir(parents=True)
    shutil.copy(sample_build / "build" / "warehouse.duckdb", settings.build_db)
    page = build_docs(settings).read_text(encoding="utf-8")
    assert network_loads(page) == []
    assert "model.env_warehouse.fct_air_quality_period" in page  # the manifest and catalogue are inlined
    assert json.dumps("期间类型（month 自然月；ytd 年初至月末）")[1:-1] in page  # as JSON escapes it
