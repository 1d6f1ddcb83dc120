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
