{#-
    fishing_record_keys(alias, date_col, district_alias) → the keys every fishing detail mart publishes for a
    dated record of `alias`: its date, the calendar year and month it is counted in (period_year_month), the
    district code (from the districts seed row `district_alias`, joined on the district name) and the district.
-#}
{% macro fishing_record_keys(alias, date_col, district_alias) -%}
    {{ alias }}.{{ date_col }},
    {{ period_year_month(alias ~ '.' ~ date_col) }},
    cast({{ district_alias }}.district_code as varchar) as district_code,
    {{ alias }}.district
{%- endmacro %}
