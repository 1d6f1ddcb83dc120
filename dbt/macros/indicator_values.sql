{#-
    The catalogue-driven part of fct_indicator_values: one select per row of seeds/reference/indicators.csv,
    reading the columns the row names from its source mart, an area × period mart (area = 城市 or a
    district, year, end_month) that has already applied the indicator's period rule. So the indicator
    layer computes nothing: it only reads.

    indicator_catalogue_rows() → the catalogue rows, read from the seed when the model runs. dbt resolves
        ref() when it parses, before any table can be read, so the marts a model may read are
        vars.indicator_source_marts (fct_indicator_values declares each with a depends_on line). A row whose
        mart is not in that list stops the run, so no catalogue row is silently left out. A database without
        the seed (the empty one sqlfluff compiles against) gives no rows.
-#}
{% macro indicator_catalogue_rows() -%}
    {%- set catalogue = ref('indicators') -%}
    {%- set rows = [] -%}
    {%- if execute and load_relation(catalogue) is not none -%}
        {%- set marts = var('indicator_source_marts') -%}
        {%- set result = run_query(
            "select code, aggregation, source_mart, source_column, numerator_column, denominator_column, "
            ~ "qualifier_column, completeness_column from " ~ catalogue ~ " order by report_order, code"
        ) -%}
        {%- for row in result.rows -%}
            {%- if row['source_mart'] in marts -%}
                {%- do rows.append(row) -%}
            {%- else -%}
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
    indicator_values(row) → the select of one catalogue row, by its aggregation. flow, stock,
    distinct_count and statistic read alike (the mart column is already the period's sum, end-of-period
    stock, distinct count, or mean or percentile of the daily values); ratio also reads its numerator and
    denominator columns.
-#}
{% macro indicator_values(row) -%}
    {%- if row['aggregation'] in ('flow', 'stock', 'distinct_count', 'statistic') -%}
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
    value without one, where the value is not null. An amount that is part of a whole (enterprises with
    online monitoring out of all key enterprises) shows the two where the catalogue names them.
-#}
{% macro indicator_amount_values(row) -%}
    {{ indicator_select(
        row,
        'cast(' ~ (row['numerator_column'] or 'null') ~ ' as double)',
        'cast(' ~ (row['denominator_column'] or 'null') ~ ' as double)'
    ) }}
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


{#-
    The columns of every value, read from the row's mart. A mart whose values are assessed on a basis and
    against a data-completeness rule (air quality) declares assessment_basis and, next to a value column
    <column>, the same-basis value of the same period last year <column>_ly and the statistic validity
    <column>_statistic_valid / <column>_statistic_note; they go with the value, and are NULL for a mart or
    value without them.
-#}
{#-
    indicator_value_columns() → (name, type) of the columns indicator_select gives, in its order: the typed
    empty select that closes fct_indicator_values' union, and is all of it while the catalogue seed is not
    loaded yet (parse, lint).
-#}
{% macro indicator_value_columns() -%}
    {{ return([
        ('indicator_code', 'varchar'), ('area', 'varchar'), ('year', 'integer'), ('end_month', 'integer'),
        ('value', 'double'), ('numerator', 'double'), ('denominator', 'double'), ('qualifier', 'varchar'),
        ('is_complete', 'boolean'), ('assessment_basis', 'varchar'), ('value_last_year_on_basis', 'double'),
        ('is_statistic_valid', 'boolean'), ('statistic_validity_note', 'varchar'),
    ]) }}
{%- endmacro %}


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
        coalesce({{ row['completeness_column'] or 'true' }}, false) as is_complete,
        {{ indicator_mart_column(row, 'assessment_basis', 'assessment_basis', 'varchar') }},
        {{ indicator_mart_column(row, row['source_column'] ~ '_ly', 'value_last_year_on_basis', 'double') }},
        {{ indicator_mart_column(row, row['source_column'] ~ '_statistic_valid', 'is_statistic_valid', 'boolean') }},
        {{ indicator_mart_column(
            row, row['source_column'] ~ '_statistic_note', 'statistic_validity_note', 'varchar'
        ) }}
    from {{ ref(row['source_mart']) }}
{%- endmacro %}


{#- The mart's `column` as `alias` when the mart's contract (its YAML) declares it, else a typed NULL. -#}
{% macro indicator_mart_column(row, column, alias, data_type) -%}
    {%- set node = graph.nodes.get('model.' ~ project_name ~ '.' ~ row['source_mart']) if execute else none -%}
    {%- if node is not none and column in node.columns -%}
        cast({{ column }} as {{ data_type }}) as {{ alias }}
    {%- else -%}
        cast(null as {{ data_type }}) as {{ alias }}
    {%- endif -%}
{%- endmacro %}
