{#-
    The period of a submission whose registry identity is [period] (monthly forms) or [year]
    (yearly registers) is not a data column: the ingest records it in the lineage column
    `_file_identity` (and the file name carries it too). These macros read it back.

    lineage_period_month(identity_col='_file_identity', path_col='_file_path') → DATE (first day
    of the month) from the first of identity / file name that contains a year and a month:
    '2023-11', 'period=2023-11', '2023年11月', '2023.11', '202311'.

    lineage_period_year(...) → INTEGER year from the first 4-digit 19xx/20xx group.
-#}
{% macro lineage_period_month(identity_col='_file_identity', path_col='_file_path') -%}
    coalesce(
        {%- for col in [identity_col, path_col] %}
        try_cast(
            nullif(regexp_extract({{ col }}, '((?:19|20)\d{2})\s*[-年/._]?\s*(0?[1-9]|1[0-2])(?:\D|$)', 1), '')
            || '-' || lpad(nullif(regexp_extract({{ col }}, '((?:19|20)\d{2})\s*[-年/._]?\s*(0?[1-9]|1[0-2])(?:\D|$)', 2), ''), 2, '0')
            || '-01' as date){{ ',' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}

{% macro lineage_period_year(identity_col='_file_identity', path_col='_file_path') -%}
    coalesce(
        {%- for col in [identity_col, path_col] %}
        try_cast(nullif(regexp_extract({{ col }}, '((?:19|20)\d{2})', 1), '') as integer){{ ',' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}
