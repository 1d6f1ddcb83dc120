{#-
    air_period_statistic_columns() → each pollutant's period statistic, by the column the period marts give it:
    the mean of the daily values (SO2, NO2, PM10, PM2.5), the 95th percentile of CO 24-hour means and the
    90th percentile of O3 daily maximum 8-hour means (indicator-rules §1.3).
-#}
{% macro air_period_statistic_columns() -%}
    {{ return({
        'so2': 'so2_mean', 'no2': 'no2_mean', 'co': 'co_p95', 'o3': 'o3_mda8_p90',
        'pm10': 'pm10_mean', 'pm25': 'pm25_mean'}) }}
{%- endmacro %}


{#-
    air_period_concentrations(daily) → the aggregate columns of the period statistics over the rows `daily`
    (a table alias of air_daily_for_statistics, a pollutant's value already NULL on its exceptional-event
    days): each pollutant's statistic (air_period_statistic_columns) and n_days_<pollutant>, its count of
    daily values. Percentiles follow HJ 663 附录A: k = 1 + (n−1)·p, linear interpolation between the closest
    ranks, which is quantile_cont.
-#}
{% macro air_period_concentrations(daily) -%}
    {%- set percentiles = {'co': 0.95, 'o3': 0.90} -%}
    {%- set daily_column = air_statistic_daily_columns() -%}
    {%- for p, column in air_period_statistic_columns().items() %}
    {%- if p in percentiles %}
    quantile_cont({{ daily }}.{{ daily_column[p] }}, {{ percentiles[p] }}) as {{ column }},
    {%- else %}
    avg({{ daily }}.{{ daily_column[p] }}) as {{ column }},
    {%- endif %}
    {%- endfor %}
    {%- for p, column in daily_column.items() %}
    cast(count({{ daily }}.{{ column }}) as integer) as n_days_{{ p }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}


{#-
    air_period_concentration_columns(alias) → the period statistics of `alias` (air_period_concentrations) as the
    city and station period marts publish them: the statistics in the report's pollutant order (PM2.5, PM10, SO2,
    NO2, CO, O3), then n_days_<pollutant>; each followed by a comma, like qualified_columns.
-#}
{% macro air_period_concentration_columns(alias) -%}
    {%- set statistic = air_period_statistic_columns() -%}
    {%- for p in ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3'] %}
    {{ alias }}.{{ statistic[p] }},
    {%- endfor %}
    {{ qualified_columns(alias, air_statistic_daily_columns(), prefix='n_days_') }}
{%- endmacro %}
