{#-
    {% call period_grid_rows(parts, with_county_level) %} columns {% endcall %} → the rows of a district ×
    period mart: each row of the `grid` CTE (g) with its key columns (period_grid_columns) and the caller's
    columns over the per-row parts (a mapping of alias → relation), each joined on the whole grid key. Every part
    has exactly the grid's rows (period_district_counts), so the join keeps each grid row once.
-#}
{% macro period_grid_rows(parts, with_county_level=false) -%}
    select
        {{ period_grid_columns('g', with_county_level) | indent(4) }},
        {{ caller() | trim }}
    from grid as g
    {%- for alias, relation in parts.items() %}
    inner join {{ relation }} as {{ alias }} using (district, year, end_month)
    {%- endfor %}
{%- endmacro %}
