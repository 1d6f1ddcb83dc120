{#-
    The catalogue-driven part of fct_indicator_values: one select per row of seeds/reference/indicators.csv,
    reading the columns the row names from its source mart, an area × period mart (area = 城市 or a
    district, year, end_month) that has already applied the indicator's period rule. So the indicator
    layer computes nothing: it only reads.

    indicator_catalogue_rows() → the catalogue rows whose source mart is listed in vars.indicator_source_marts,
        read from the seed when the model runs. dbt resolves ref() when it parses, before any table can be
        read, so the marts a model may read are that var (fct_indicator_values declares each with a
        depends_on line). A row whose mart is in neither that list nor served by a domain feed
        (vars.indicator_feeds) stops the run, so no catalogue row is silently left out. A database without
        the seed (the empty one sqlfluff compiles against) gives no rows.
-#}
{% macro indicator_catalogue_rows() -%}
    {%- set catalogue = ref('indicators') -%}
    {%- set rows = [] -%}
    {%- if execute and load_relation(catalogue) is not none -%}
        {%- set marts = var('indicator_source_marts') -%}
        {%- set fed_domains = var('indicator_feeds')
            | map('replace', 'int_', '') | map('replace', '__indicator_values', '') | list -%}
        {%- set result = run_query(
            "select code, domain, aggregation, source_mart, source_column, numerator_column, denominator_column, "
            ~ "qualifier_column, completeness_column from " ~ catalogue ~ " order by report_order, code"
        ) -%}
        {%- for row in result.rows -%}
            {%- if row['source_mart'] in marts -%}
                {%- do rows.append(row) -%}
            {%- elif row['domain'] not in fed_domains -%}
                {{ exceptions.raise_compiler_error(
                    "indicator " ~ row['code'] ~ " (seeds/reference/indicators.csv) reads mart '"
                    ~ row['source_mart'] ~ "', which is not listed in vars.indicator_source_marts of "
                    ~ "dbt_project.yml: add it there (docs/indicators.md)") }}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(rows) }}
{%- endmacro %}


{#-
    indicator_values(row) → the select of one catalogue row, by its aggregation. flow, stock and
    distinct_count read alike (the mart column is already the period's sum, end-of-period stock or
    distinct count); ratio also reads its numerator and denominator columns.
-#}
{% macro indicator_values(row) -%}
    {%- if row['aggregation'] in ('flow', 'stock', 'distinct_count') -%}
        {{ indicator_amount_values(row) }}
    {%- elif row['aggregation'] == 'ratio' -%}
        {{ indicator_ratio_values(row) }}
    {%- else -%}
        {{ exceptions.raise_compiler_error(
            "indicator " ~ row['code'] ~ ": aggregation '" ~ row['aggregation']
            ~ "' has no macro in dbt/macros/indicator_values.sql") }}
    {%- endif -%}
{%- endmacro %}


{#-
    A value row exists where the mart has the value's inputs: where its completeness column is known (the
    input rows exist, even when they carry no figure, like a district's blank dredging column), or, for a
    value without one, where the value is not null.
-#}
{% macro indicator_amount_values(row) -%}
    {{ indicator_select(row, 'cast(null as double)', 'cast(null as double)') }}
    where {{ row['completeness_column'] or row['source_column'] }} is not null
{%- endmacro %}


{#- A ratio exists where its denominator is positive: no object, no ratio. -#}
{% macro indicator_ratio_values(row) -%}
    {%- if not (row['numerator_column'] and row['denominator_column']) -%}
        {{ exceptions.raise_compiler_error(
            "indicator " ~ row['code'] ~ " is a ratio: give numerator_column and denominator_column in "
            ~ "seeds/reference/indicators.csv") }}
    {%- endif -%}
    {{ indicator_select(
        row,
        'cast(' ~ row['numerator_column'] ~ ' as double)',
        'cast(' ~ row['denominator_column'] ~ ' as double)'
    ) }}
    where {{ row['denominator_column'] }} > 0
{%- endmacro %}


{#- The columns every feed gives, read from the row's mart. -#}
{% macro indicator_select(row, numerator, denominator) -%}
    select
        cast('{{ row["code"] }}' as varchar) as indicator_code,
        cast(area as varchar) as area,
        cast(year as integer) as year,
        cast(end_month as integer) as end_month,
        cast({{ row['source_column'] }} as double) as value,
        {{ numerator }} as numerator,
        {{ denominator }} as denominator,
        cast({{ row['qualifier_column'] or 'null' }} as varchar) as qualifier,
        coalesce({{ row['completeness_column'] or 'true' }}, false) as is_complete
    from {{ ref(row['source_mart']) }}
{%- endmacro %}
