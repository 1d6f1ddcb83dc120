{#-
    The CTEs that score a day and the columns and joins that put its IAQI and AQI (the CTEs iaqi_wide as w and
    aqi as a, written by air_daily_aqi_ctes) next to the day they score: one list for the station-day and
    city-day models, one for their by-basis variants.
-#}

{#- air_daily_aqi_joins(day_alias, key_columns, basis=none, with_day_ruleset=false): left joins iaqi_wide as w
    and aqi as a to `day_alias` on key_columns; with basis, also on basis = the CTE's assessment_basis; with
    with_day_ruleset, first inner joins day_rulesets as r (air_day_ruleset) on key_columns -#}
{% macro air_daily_aqi_joins(day_alias, key_columns, basis=none, with_day_ruleset=false) -%}
    {%- set joins = ([('inner', 'day_rulesets', 'r')] if with_day_ruleset else [])
        + [('left', 'iaqi_wide', 'w'), ('left', 'aqi', 'a')] -%}
    {%- for kind, cte, alias in joins %}
    {{ kind }} join {{ cte }} as {{ alias }}
        on
        {%- for k in key_columns %}
        {{ 'and ' if not loop.first }}{{ day_alias }}.{{ k }} = {{ alias }}.{{ k }}
        {%- endfor %}
        {%- if basis and alias != 'r' %}
        and {{ basis }} = {{ alias }}.assessment_basis
        {%- endif %}
    {%- endfor %}
{%- endmacro %}


{#- air_daily_aqi_columns(): the rounded concentrations, IAQI, AQI and its flags of a station-day or
    city-day (int_air__station_daily, int_air__city_daily); a flag of a day without AQI rows reads as
    withheld, not partial, not capped -#}
{% macro air_daily_aqi_columns() -%}
    {{ qualified_columns('w', air_daily_item_codes(), suffix='_rounded') }}
    {{ qualified_columns('w', air_daily_item_codes(), prefix='iaqi_') }}
    {{ air_aqi_result_columns('a') }},
    a.n_items,
    a.n_items_missing,
    a.missing_items,
    coalesce(a.aqi_withheld, true) as aqi_withheld,
    coalesce(a.aqi_from_partial_items, false) as aqi_from_partial_items,
    coalesce(a.iaqi_capped, false) as iaqi_capped,
    coalesce(w.has_item_without_segment, false) as has_item_without_segment
{%- endmacro %}


{#- air_daily_by_basis_columns(day_alias): a day's concentrations (from `day_alias`) with its IAQI, AQI,
    category, primary pollutants, valid day and good day under one assessment basis
    (int_air__station_daily_by_basis, int_air__city_daily_by_basis) -#}
{% macro air_daily_by_basis_columns(day_alias) -%}
    {{ qualified_columns(day_alias, air_daily_item_codes()) }}
    {{ qualified_columns('w', air_daily_item_codes(), prefix='iaqi_') }}
    a.aqi,
    a.aqi_category,
    a.primary_pollutants,
    {{ air_day_status('a.aqi') }}
{%- endmacro %}


{#- air_station_day_counts(alias): a station-day's hours reported and valid hours of each pollutant -#}
{% macro air_station_day_counts(alias) -%}
    {{ alias }}.n_hours_reported,
    {%- for p in ['so2', 'no2', 'co', 'o3', 'pm10', 'pm25'] %}
    {{ alias }}.n_valid_{{ p }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}


{#- air_concentrations_by_basis(days, key_columns, rulesets): each row of `days` (key_columns, obs_date and the
    item concentrations) once per ruleset of `rulesets`, as its assessment_basis: the input of air_daily_iaqi
    with basis_column='assessment_basis' -#}
{% macro air_concentrations_by_basis(days, key_columns, rulesets) -%}
    select
        {{ qualified_columns('d', key_columns) }}
        d.obs_date,
        r.ruleset as assessment_basis,
        {%- for item in air_daily_item_codes() %}
        d.{{ item }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ days }} as d
    cross join {{ rulesets }} as r
{%- endmacro %}


{#- air_assessment_basis_columns(day_alias, ruleset_alias): the assessment basis of a by-basis day (the ruleset
    of `ruleset_alias`) beside the ruleset in force on that day (of `day_alias`) -#}
{% macro air_assessment_basis_columns(day_alias, ruleset_alias) -%}
    cast({{ ruleset_alias }}.ruleset as varchar) as assessment_basis,
    {{ ruleset_alias }}.aqi_standard as assessment_standard,
    {{ day_alias }}.ruleset,
    {{ day_alias }}.ruleset_label,
    {{ day_alias }}.is_retrospective,
    coalesce({{ day_alias }}.ruleset = {{ ruleset_alias }}.ruleset, false) as is_ruleset_in_force
{%- endmacro %}


{#- air_day_concentration_columns(alias): a station-day's or city-day's concentrations of `alias`, in the column
    order int_air__station_daily and int_air__city_daily publish them -#}
{% macro air_day_concentration_columns(alias) -%}
    {%- for item in ['so2_24h', 'no2_24h', 'co_24h', 'pm10_24h', 'pm25_24h', 'o3_1h', 'o3_8h'] %}
    {{ alias }}.{{ item }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}


{#- air_aqi_result_columns(alias): a day's AQI as air_daily_aqi gives it (of `alias`): the AQI of the items that
    have one, the published AQI, its level, category and colour, the primary and the exceeding pollutants -#}
{% macro air_aqi_result_columns(alias) -%}
    {%- for column in [
        'aqi_available', 'aqi', 'aqi_level_no', 'aqi_level', 'aqi_category', 'aqi_colour', 'primary_pollutants',
        'exceeding_pollutants'] %}
    {{ alias }}.{{ column }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}


{#- air_daily_aqi_ctes(concentrations, key_columns, basis_column=none): the CTEs that score a day, for the WITH
    list of a station-day or city-day model: iaqi (air_daily_iaqi over `concentrations`), iaqi_wide
    (air_iaqi_wide) and aqi (air_daily_aqi), the names air_daily_aqi_joins and the column macros read -#}
{% macro air_daily_aqi_ctes(concentrations, key_columns, basis_column=none) -%}
iaqi as (

    {{ air_daily_iaqi(concentrations, key_columns, basis_column=basis_column) }}

),

iaqi_wide as (

    {{ air_iaqi_wide('iaqi', key_columns) }}

),

aqi as (

    {{ air_daily_aqi('iaqi', key_columns) }}

)
{%- endmacro %}
