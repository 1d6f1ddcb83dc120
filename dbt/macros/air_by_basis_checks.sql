{#-
    air_in_force_basis_mismatches(daily, by_basis, key_columns) → the days of the daily mart `daily` whose by-basis
    row under the ruleset in force that day (of `by_basis`, joined on key_columns and obs_date) is missing or
    differs in AQI, category, primary pollutants, valid day or good day: the rows a singular test fails on.
-#}
{% macro air_in_force_basis_mismatches(daily, by_basis, key_columns) -%}
select
    {{ qualified_columns('d', key_columns) }}
    d.obs_date,
    d.aqi,
    b.aqi as aqi_by_basis,
    d.aqi_category,
    b.aqi_category as aqi_category_by_basis
from {{ daily }} as d
left join {{ by_basis }} as b
    on
    {%- for k in key_columns %}
    d.{{ k }} = b.{{ k }} and
    {%- endfor %}
    d.obs_date = b.obs_date
    and b.is_ruleset_in_force
where
    b.obs_date is null
    or b.aqi is distinct from d.aqi
    or b.aqi_category is distinct from d.aqi_category
    or b.primary_pollutants is distinct from d.primary_pollutants
    or b.is_valid_day <> d.is_valid_day
    or b.is_good_day <> d.is_good_day
{%- endmacro %}
