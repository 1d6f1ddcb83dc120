{#-
    The year-to-date reporting periods (统计期: 1 月 1 日 至 截止月月末) and the grids built on them, written
    once for every domain that reports by district × period.
-#}

{#- period_ytd_bounds(year_col, end_month_col) → period_start, period_end of the period ending in that month. -#}
{% macro period_ytd_bounds(year_col, end_month_col) -%}
    make_date({{ year_col }}, 1, 1) as period_start,
    cast(last_day(make_date({{ year_col }}, {{ end_month_col }}, 1)) as date) as period_end
{%- endmacro %}

{#-
    period_district_grid(periods, period_columns, with_county_level) → every district of the districts seed ×
    every row of `periods`, so a district that reported nothing still has its row (its counts are 0).
    is_county_level (县市区, not 功能区) only when asked: the marts that rank counties need it.
-#}
{% macro period_district_grid(periods, period_columns, with_county_level=false) -%}
    select
        cast(d.district_code as varchar) as district_code,
        cast(d.district_name as varchar) as district,
        {%- if with_county_level %}
        d.district_type <> '功能区' as is_county_level,
        {%- endif %}
        {%- for column in period_columns %}
        p.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref('districts') }} as d
    cross join {{ periods }} as p
{%- endmacro %}

{#-
    period_grid_columns(alias, with_county_level) → the key columns of a district × period row as the district
    marts publish them (from a period_district_grid row `alias`).
-#}
{% macro period_grid_columns(alias, with_county_level=false) -%}
    {%- set columns = ['district_code', 'district'] + (['is_county_level'] if with_county_level else [])
        + ['year', 'end_month', 'period_start', 'period_end'] -%}
    {%- for column in columns %}
    {{ alias }}.{{ column }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#-
    period_city_totals(relation, columns, key_columns) → the whole-city row of each period: the sum of the
    district rows of `relation` for each of `columns` (flows and stocks alike add up across districts).
    `columns` is a list, or a mapping of column → type when the mart publishes the sum in that type.
-#}
{% macro period_city_totals(relation, columns, key_columns=['year', 'end_month']) -%}
    select
        {%- for key in key_columns %}
        {{ key }},
        {%- endfor %}
        {%- for column in columns %}
        {%- if columns is mapping %}
        cast(sum({{ column }}) as {{ columns[column] }}) as {{ column }}{{ ',' if not loop.last }}
        {%- else %}
        sum({{ column }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endif %}
        {%- endfor %}
    from {{ relation }}
    group by all
{%- endmacro %}

{#-
    period_prior_year_join(relation, alias, current_alias) → joins `relation` as `alias` on the same period of the
    previous year (同比: same end month, year − 1), for the year-on-year change of a period row.
-#}
{% macro period_prior_year_join(relation, alias, current_alias) -%}
    left join {{ relation }} as {{ alias }}
        on {{ current_alias }}.year - 1 = {{ alias }}.year
        and {{ current_alias }}.end_month = {{ alias }}.end_month
{%- endmacro %}

{#- period_ytd_of_month(month_start) → year, end_month and the bounds of the period that ends in that month. -#}
{% macro period_ytd_of_month(month_start) -%}
    cast(year({{ month_start }}) as integer) as year,
    cast(month({{ month_start }}) as integer) as end_month,
    {{ period_ytd_bounds('year(' ~ month_start ~ ')', 'month(' ~ month_start ~ ')') }}
{%- endmacro %}

{#-
    The whole-city row beside the district rows (全市行 = 各区县之和), by grouping sets:
    period_area(district_col) → the row's area: the district, or the city label on the city row;
    period_group_by_area(district_col, key_columns) → one group per district and key, and one per key for the city.
-#}
{% macro period_area(district_col) -%}
    coalesce({{ district_col }}, {{ city_label() }}) as area
{%- endmacro %}

{% macro period_group_by_area(district_col, key_columns) -%}
    group by grouping sets (({{ key_columns | join(', ') }}, {{ district_col }}), ({{ key_columns | join(', ') }}))
{%- endmacro %}

{#-
    period_end_months(sources, where, with_bounds) → the periods a mart publishes: every year × end month that
    occurs in any of `sources` (a mapping of relation → its month column), with period_start and period_end when
    with_bounds; `where` keeps only the source rows that count.
-#}
{% macro period_end_months(sources, where=none, with_bounds=false) -%}
    {%- for relation, month_column in sources.items() %}
    select distinct
        year,
        {{ month_column }} as end_month
        {%- if with_bounds %},
        {{ period_ytd_bounds('year', month_column) }}
        {%- endif %}
    from {{ relation }}
    {%- if where %}
    where {{ where }}
    {%- endif %}
    {{- '\n    union' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#-
    period_left_join_parts(parts, keys) → each per-period part (a mapping of alias → relation) left-joined on the
    whole key to the grid row before it, so a part without that row leaves its columns null and keeps the row.
-#}
{% macro period_left_join_parts(parts, keys) -%}
    {%- for alias, relation in parts.items() %}
    left join {{ relation }} as {{ alias }} using ({{ keys | join(', ') }})
    {%- endfor %}
{%- endmacro %}

{#- period_area_keys(relations) → every area × year × end_month that occurs in any of `relations`. -#}
{% macro period_area_keys(relations) -%}
    {%- for relation in relations %}
    select
        area,
        year,
        end_month
    from {{ relation }}
    {{- '\n    union' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#-
    {% call period_district_counts(grid, records, alias) %} measures {% endcall %} → per row of the district ×
    period grid, the measures (aggregates over `records` as `alias`, each filtered by its own period rule) of the
    district's own records; a district without records gets its row, counted over nothing.
-#}
{% macro period_district_counts(grid, records, alias) -%}
    select
        g.district,
        g.year,
        g.end_month,
        {{ caller() | trim }}
    from {{ grid }} as g
    left join {{ records }} as {{ alias }}
        on g.district = {{ alias }}.district
    group by all
{%- endmacro %}

{#-
    {% call period_district_months(records, date_col) %} measures {% endcall %} → per district × calendar month
    (month_start, the first day of the month of `date_col`) the measures over `records` dated in that month.
-#}
{% macro period_district_months(records, date_col) -%}
    select
        district,
        cast(date_trunc('month', {{ date_col }}) as date) as month_start,
        {{ caller() | trim }}
    from {{ records }}
    group by all
{%- endmacro %}

{#- period_year_month(date_col) → the calendar year and month (INTEGER year, month) a dated row is counted in. -#}
{% macro period_year_month(date_col) -%}
    cast(year({{ date_col }}) as integer) as year,
    cast(month({{ date_col }}) as integer) as month
{%- endmacro %}

{#-
    period_month_grid_columns(alias) → the key columns of a district × month row as the monthly district marts
    publish them (from a period_district_grid row `alias` over month_start).
-#}
{% macro period_month_grid_columns(alias) -%}
    {{ alias }}.district_code,
    {{ alias }}.district,
    {{ period_year_month(alias ~ '.month_start') }},
    {{ alias }}.month_start
{%- endmacro %}

{#-
    period_zero_filled(alias, columns) → the measures of `alias` (a mapping of column → the type the mart
    publishes it in) on a grid row: a row the records never reached counts 0, not null.
-#}
{% macro period_zero_filled(alias, columns) -%}
    {%- for column, column_type in columns.items() %}
    cast(coalesce({{ alias }}.{{ column }}, 0) as {{ column_type }}) as {{ column }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
