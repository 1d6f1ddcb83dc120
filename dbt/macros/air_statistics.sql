{#-
    Period statistics of air concentrations (indicator-rules §1.3, §1.9), written once for the city
    periods (fct_air_quality_period) and the station periods (fct_air_quality_station_period):
      air_statistic_daily_columns  the daily value behind each pollutant's period statistic
      air_report_periods           the month and year-to-date periods of the months present in a daily relation
      air_daily_for_statistics     daily values with a pollutant's value left out on its exceptional-event days
      air_statistic_validity       GB 3095 Table 4 completeness of each pollutant's statistic per period
      air_published_bases          the assessment basis each period publishes (dbt var air_published_basis)
      air_period_bases             every assessment basis of each period, its standard and whether it is published
      air_good_day_ratio           优良天数比例 of a count of good days over a count of valid days
    Each macro returns a complete SELECT over a relation or CTE name.
-#}

{% macro air_statistic_daily_columns() -%}
    {{ return({'so2': 'so2_24h', 'no2': 'no2_24h', 'co': 'co_24h', 'o3': 'o3_8h', 'pm10': 'pm10_24h', 'pm25': 'pm25_24h'}) }}
{%- endmacro %}


{#- air_report_periods(daily): period_kind ('month' | 'ytd'), year, end_month, period_start, period_end
    for every month that has a row in `daily` -#}
{% macro air_report_periods(daily) -%}
    with
    report_months as (
        select distinct cast(date_trunc('month', obs_date) as date) as month_start
        from {{ daily }}
    )
    select
        'month' as period_kind,
        cast(year(month_start) as integer) as year,
        cast(month(month_start) as integer) as end_month,
        month_start as period_start,
        cast(last_day(month_start) as date) as period_end
    from report_months
    union all
    select
        'ytd' as period_kind,
        cast(year(month_start) as integer) as year,
        cast(month(month_start) as integer) as end_month,
        make_date(year(month_start), 1, 1) as period_start,
        cast(last_day(month_start) as date) as period_end
    from report_months
{%- endmacro %}


{#- air_daily_for_statistics(daily, pass_columns): the rows of `daily` with pass_columns, obs_date,
    is_exceptional_event_day and each pollutant's daily column, which is NULL on an exceptional-event day
    of that pollutant (air_exceptional_event_days; the sand-dust deduction applies to concentrations only,
    so AQI, category and 优良 status pass through unchanged) -#}
{% macro air_daily_for_statistics(daily, pass_columns) -%}
    with
    statistic_event_days as (
        select
            event_date,
            {%- for p in air_statistic_daily_columns() %}
            bool_or(pollutant = '{{ p }}') as excluded_{{ p }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ ref('air_exceptional_event_days') }}
        group by event_date
    )
    select
        {{ qualified_columns('d', pass_columns) }}
        d.obs_date,
        e.event_date is not null as is_exceptional_event_day,
        {%- for p, column in air_statistic_daily_columns().items() %}
        case when not coalesce(e.excluded_{{ p }}, false) then d.{{ column }} end as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ daily }} as d
    left join statistic_event_days as e
        on e.event_date = d.obs_date
{%- endmacro %}


{#- air_statistic_validity(periods, daily, key_columns): one row per key × period with
    <pollutant>_statistic_valid (GB 3095 Table 4, thresholds in air_validity_rules):
      month: the month has >= min_daily_values_month valid daily values (min_daily_values_february in February);
      ytd:   every calendar month of the period meets that minimum (a month without data fails), and a
             full year (end_month 12) also has >= min_daily_values_annual valid daily values;
    and <pollutant>_statistic_invalid_reason, the shortfall in words when the flag is false, e.g.
    'PM2.5 2月有效日数 20 < 25（GB 3095 表4）' (each failing month, then the full year; NULL when valid).
    `daily` holds key_columns, obs_date and the pollutants' daily columns as they enter the statistic. -#}
{% macro air_statistic_validity(periods, daily, key_columns) -%}
    {%- set keys = key_columns | join(', ') ~ (', ' if key_columns else '') -%}
    with
    validity_thresholds as (
        select
            max(threshold) filter (where rule_code = 'min_daily_values_annual') as min_days_annual,
            max(threshold) filter (where rule_code = 'min_daily_values_month') as min_days_month,
            max(threshold) filter (where rule_code = 'min_daily_values_february') as min_days_february
        from {{ ref('air_validity_rules') }}
        where ruleset = 'all'
    ),
    validity_formulas as (
        select
            {%- for p in air_statistic_daily_columns() %}
            max(formula) filter (where pollutant = '{{ p }}') as formula_{{ p }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ ref('air_pollutants') }}
    ),
    validity_period_months as (
        select
            p.period_kind,
            p.year,
            p.end_month,
            cast(m.month_start as date) as month_start
        from {{ periods }} as p
        cross join lateral (
            select unnest(generate_series(
                cast(p.period_start as timestamp), cast(p.period_end as timestamp), interval 1 month
            )) as month_start
        ) as m
    ),
    validity_monthly_counts as (
        select
            {{ keys }}cast(date_trunc('month', obs_date) as date) as month_start,
            {%- for p, column in air_statistic_daily_columns().items() %}
            count({{ column }}) as n_days_{{ p }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ daily }}
        group by all
    ),
    validity_grid as (
        select
            {{ qualified_columns('s', key_columns) }}
            pm.*
        from validity_period_months as pm
        {%- if key_columns %}
        cross join (select distinct {{ key_columns | join(', ') }} from {{ daily }}) as s
        {%- endif %}
    )
    select
        {{ qualified_columns('g', key_columns) }}
        g.period_kind,
        g.year,
        g.end_month,
        {%- for p in air_statistic_daily_columns() %}
        {%- set month_minimum = "cast(case when month(g.month_start) = 2 then t.min_days_february else t.min_days_month end as integer)" %}
        {%- set period_days = "cast(sum(coalesce(c.n_days_" ~ p ~ ", 0)) as integer)" %}
        max(f.formula_{{ p }}) || ' ' || nullif(concat_ws('；',
            string_agg(
                case when coalesce(c.n_days_{{ p }}, 0) < {{ month_minimum }} then
                    cast(month(g.month_start) as varchar) || '月有效日数 ' || cast(coalesce(c.n_days_{{ p }}, 0) as varchar)
                    || ' < ' || cast({{ month_minimum }} as varchar)
                end, '；' order by g.month_start
            ),
            case when g.period_kind = 'ytd' and g.end_month = 12 and {{ period_days }} < max(t.min_days_annual) then
                '全年有效日数 ' || cast({{ period_days }} as varchar) || ' < ' || cast(cast(max(t.min_days_annual) as integer) as varchar)
            end
        ), '') || '（GB 3095 表4）' as {{ p }}_statistic_invalid_reason,
        bool_and(
            coalesce(c.n_days_{{ p }}, 0) >= case
                when month(g.month_start) = 2 then t.min_days_february
                else t.min_days_month
            end
        ) and (
            g.period_kind = 'month' or g.end_month < 12
            or sum(coalesce(c.n_days_{{ p }}, 0)) >= max(t.min_days_annual)
        ) as {{ p }}_statistic_valid{{ ',' if not loop.last }}
        {%- endfor %}
    from validity_grid as g
    cross join validity_thresholds as t
    cross join validity_formulas as f
    left join validity_monthly_counts as c
        on c.month_start = g.month_start
        {%- for k in key_columns %}
        and c.{{ k }} = g.{{ k }}
        {%- endfor %}
    group by {% for k in key_columns %}g.{{ k }}, {% endfor %}g.period_kind, g.year, g.end_month
{%- endmacro %}


{#- air_published_bases(periods): period_kind, year, end_month and published_basis of every period of
    `periods` (air_report_periods), the one assessment basis that the city, station and district period marts
    publish (is_published_basis). dbt var air_published_basis: in_force_at_period_end, the ruleset in force on
    the period's last day (a period that spans 2026-03-01 publishes its 2026 version from March on; NULL when no
    ruleset covers that day), or a ruleset code, that basis for every period -#}
{% macro air_published_bases(periods) -%}
    {%- set published_basis = var('air_published_basis') -%}
    select
        p.period_kind,
        p.year,
        p.end_month,
        {{ 'r.ruleset' if published_basis == 'in_force_at_period_end' else "'" ~ published_basis ~ "'" }}
            as published_basis
    from {{ periods }} as p
    left join {{ ref('air_rulesets') }} as r
        on p.period_end between r.valid_from and r.valid_to
{%- endmacro %}


{#- air_period_bases(periods): period_kind, year, end_month of every period of `periods` (air_report_periods) ×
    every ruleset as assessment_basis, with its AQI standard (assessment_standard), is_published_basis (the basis
    air_published_bases publishes for the period) and published_basis_setting (the dbt var it follows); the city,
    station and district period marts label their rows with it -#}
{% macro air_period_bases(periods) -%}
    select
        pb.period_kind,
        pb.year,
        pb.end_month,
        cast(r.ruleset as varchar) as assessment_basis,
        r.aqi_standard as assessment_standard,
        coalesce(r.ruleset = pb.published_basis, false) as is_published_basis,
        cast('{{ var("air_published_basis") }}' as varchar) as published_basis_setting
    from ({{ air_published_bases(periods) }}) as pb
    cross join {{ ref('air_rulesets') }} as r
{%- endmacro %}


{#- air_good_day_ratio(good_days, valid_days): 优良天数比例 in % (indicator-rules §1.10), good days over valid
    days (AQI published), unrounded; NULL without a valid day -#}
{% macro air_good_day_ratio(good_days, valid_days) -%}
    {{ good_days }} * 100.0 / nullif({{ valid_days }}, 0)
{%- endmacro %}
