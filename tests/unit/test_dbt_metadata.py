"""Each rebuilt dbt table reports its row count and column schema, read in one query each after dbt."""

import duckdb

from dagster_project.assets.dbt import _table_relations, table_metadata


def test_row_counts_and_columns_of_each_table_in_one_pass():
    conn = duckdb.connect()
    conn.execute("CREATE SCHEMA marts")
    conn.execute("CREATE TABLE marts.fct_a AS SELECT range AS id, 'x' AS label FROM range(3)")
    conn.execute("CREATE TABLE marts.fct_empty (year INTEGER)")
    metadata = table_metadata(conn, [("marts", "fct_a"), ("marts", "fct_empty")])
    assert metadata[("marts", "fct_a")]["dagster/row_count"].value == 3
    assert metadata[("marts", "fct_empty")]["dagster/row_count"].value == 0
    columns = metadata[("marts", "fct_a")]["dagster/column_schema"].value.columns
    assert [(column.name, column.type) for column in columns] == [("id", "BIGINT"), ("label", "VARCHAR")]


def test_views_get_no_row_count():
    manifest = {
        "nodes": {
            "model.p.fct_a": {
                "resource_type": "model",
                "schema": "marts",
                "alias": "fct_a",
                "name": "fct_a",
                "config": {"materialized": "table", "schema": "marts"},
            },
            "model.p.stg_b": {
                "resource_type": "model",
                "schema": "staging",
                "alias": "stg_b",
                "name": "stg_b",
                "config": {"materialized": "view", "schema": "staging"},
            },
            "test.p.not_null": {"resource_type": "test", "config": {"materialized": "test"}},
        }
    }
    assert list(_table_relations(manifest).values()) == [("marts", "fct_a")]
