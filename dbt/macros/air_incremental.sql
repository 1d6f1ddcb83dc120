{#-
    The incremental daily air models (int_air__station_daily, int_air__city_daily) rebuild, by natural day,
    only the days of int_air__station_hourly that are newer than their own newest row.
-#}

{#- air_incremental_daily_config(): the config both models share (delete+insert by obs_date, and the
    pre_hook that drops the days int_air__station_hourly no longer has) -#}
{% macro air_incremental_daily_config() -%}
    {{ config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='obs_date',
        on_schema_change='fail',
        pre_hook="{{ air_drop_vanished_dates(ref('int_air__station_hourly')) }}",
    ) }}
{%- endmacro %}


{#- air_incremental_daily_source(relation): the rows of `relation` on the days this build rebuilds -#}
{% macro air_incremental_daily_source(relation) -%}
    select * from {{ relation }}
    {{ air_rebuilt_dates(ref('int_air__station_hourly')) }}
{%- endmacro %}


{#- air_validity_thresholds(rule_codes): one row, one column per rule code (named as the code), holding
    that rule's threshold in air_validity_rules for every ruleset ('all') -#}
{% macro air_validity_thresholds(rule_codes) -%}
    select
        {%- for code in rule_codes %}
        max(threshold) filter (where rule_code = '{{ code }}') as {{ code }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref('air_validity_rules') }}
    where ruleset = 'all'
{%- endmacro %}
