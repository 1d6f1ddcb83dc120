{#-
    air_register_month_counts(district_months, register, date_column, measure) → per district × month of
    district_months (district, month_start, month_end), the register rows dated in that month
    (<measure>_month) and dated on or before its last day (<measure>_cumulative). A register is counted
    item by item from its dates, never from a reported opening balance; a row without a date counts in no
    month.
-#}
{% macro air_register_month_counts(district_months, register, date_column, measure) -%}
    select
        g.district,
        g.month_start,
        cast(count(r.{{ date_column }}) filter (
            where r.{{ date_column }} >= g.month_start
        ) as bigint) as {{ measure }}_month,
        cast(count(r.{{ date_column }}) as bigint) as {{ measure }}_cumulative
    from {{ district_months }} as g
    left join {{ register }} as r
        on g.district = r.district
        and g.month_end >= r.{{ date_column }}
    group by g.district, g.month_start
{%- endmacro %}
