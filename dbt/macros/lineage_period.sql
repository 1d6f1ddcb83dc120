{#-
    The period of a submission whose registry identity is [period] (monthly forms) or [year]
    (yearly registers) is not a data column: the ingest records it in the lineage column
    `_file_identity` as '<source>|period=YYYY-MM' or '<source>|year=YYYY'
    (dagster_project/ingest/identity.py, FileIdentity.key). These macros read it back; when the
    key part is absent they fall back to a year-month / year found in the identity, then in the
    file name (_file_path).

    lineage_period_month(...) → DATE, the first day of the submission month.
    lineage_period_year(...)  → INTEGER year.
-#}
{% macro lineage_period_month(identity_col='_file_identity', path_col='_file_path') -%}
    {%- set ym = "((?:19|20)\\d{2})\\s*[-年/._]?\\s*(0?[1-9]|1[0-2])(?:\\D|$)" -%}
    coalesce(
        try_cast(nullif(regexp_extract({{ identity_col }}, 'period=(\d{4}-\d{2})', 1), '') || '-01' as date),
        {%- for col in [identity_col, path_col] %}
        try_cast(
            nullif(regexp_extract({{ col }}, '{{ ym }}', 1), '')
            || '-' || lpad(nullif(regexp_extract({{ col }}, '{{ ym }}', 2), ''), 2, '0')
            || '-01' as date){{ ',' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}

{% macro lineage_period_year(identity_col='_file_identity', path_col='_file_path') -%}
    coalesce(
        try_cast(nullif(regexp_extract({{ identity_col }}, 'year=(\d{4})', 1), '') as integer),
        {%- for col in [identity_col, path_col] %}
        try_cast(nullif(regexp_extract({{ col }}, '((?:19|20)\d{2})', 1), '') as integer){{ ',' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}
