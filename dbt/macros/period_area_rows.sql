{#-
    The area × period marts (area = 全市 or a district; the whole-city row beside the district rows by
    grouping sets), written once for every domain that publishes one.
-#}

{#-
    period_area_sums(alias, key_alias, columns, suffix) → the area row's keys (area, year, end_month of
    `key_alias`) and, for each of `columns`, the DOUBLE sum of `alias`.<column><suffix> over the area's rows.
-#}
{% macro period_area_sums(alias, key_alias, columns, suffix='') -%}
    {{ period_area(alias ~ '.district') }},
    {{ key_alias }}.year,
    {{ key_alias }}.end_month,
    {%- for column in columns %}
    cast(sum({{ alias }}.{{ column }}{{ suffix }}) as double) as {{ column }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#-
    period_city_keys(alias) → the keys of a part only the whole city has (a city-level period mart `alias`): the
    city label as its area, and its year and end_month.
-#}
{% macro period_city_keys(alias) -%}
    {{ city_label() }} as area,
    {{ alias }}.year,
    {{ alias }}.end_month
{%- endmacro %}

{#-
    {% call period_area_ytd(records, alias, columns, suffix) %} measures {% endcall %} → per area × period of
    the `periods` CTE (p) the year-to-date sums (1 月至截止月, by the records' year and month) of `columns`
    (period_area_sums) and the caller's measures over the same monthly `records` as `alias`.
-#}
{% macro period_area_ytd(records, alias, columns, suffix='') -%}
    select
        {{ period_area_sums(alias, 'p', columns, suffix) | indent(4) }},
        {{ caller() | trim }}
    from periods as p
    inner join {{ records }} as {{ alias }}
        on p.year = {{ alias }}.year
        and p.end_month >= {{ alias }}.month
    {{ period_group_by_area(alias ~ '.district', ['p.year', 'p.end_month']) }}
{%- endmacro %}

{#-
    period_area_rows(parts) → the mart's rows: every area × year × end_month that occurs in any part, with the
    columns of each part (a mapping of relation → its published columns, in the mart's column order)
    left-joined on that key, so a part without the row leaves its columns null.
-#}
{% macro period_area_rows(parts) -%}
    {%- set keys = ['area', 'year', 'end_month'] -%}
    select
        {%- for key in keys %}
        a.{{ key }},
        {%- endfor %}
        {%- for relation, columns in parts.items() %}
        {%- set outer_loop = loop %}
        {%- for column in columns %}
        {{ relation }}.{{ column }}{{ ',' if not (outer_loop.last and loop.last) }}
        {%- endfor %}
        {%- endfor %}
    from ({{ period_area_keys(parts.keys() | list) | indent(4) }}
    ) as a
    {{ period_left_join_parts(dict(zip(parts.keys(), parts.keys())), keys) }}
{%- endmacro %}
