{#-
    The period of a submission whose registry identity is [period] (monthly forms) or [year]
    (yearly registers) is not a data column: the ingest writes it, typed, into the lineage columns
    `_period_month` (DATE, the first day of the submission month) and `_period_year` (INTEGER) of
    every raw row (dagster_project/ingest/loader.py, identity_periods).

    lineage_period_month() → DATE, the first day of the submission month.
    lineage_period_year()  → INTEGER year.
-#}
{% macro lineage_period_month() -%}
    _period_month
{%- endmacro %}

{% macro lineage_period_year() -%}
    _period_year
{%- endmacro %}


{#-
    lineage_columns(alias) → the lineage columns every raw row carries and every staging model passes on
    (where the row came from: source, file, sheet, row, file hash and identity, version, load batch, time),
    one per line, qualified by `alias` when given. The ingest writes them (LINEAGE_COLUMNS of
    dagster_project/ingest/registry.py, less the typed period columns, which models read through the
    macros above); tests/unit/test_lineage_columns.py holds the two lists together.
-#}
{% macro lineage_columns(alias=none) -%}
    {%- set prefix = alias ~ '.' if alias else '' -%}
    {%- for column in [
        '_source', '_file_path', '_sheet', '_row_number', '_file_sha256', '_file_identity', '_file_version',
        '_load_batch', '_loaded_at'] -%}
        {{ prefix ~ column }}{{ ',\n        ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
