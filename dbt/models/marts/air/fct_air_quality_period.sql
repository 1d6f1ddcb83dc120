-- 期间空气质量统计：每个自然月（period_kind = 'month'）和每个年初至月末（'ytd'）一行。
-- 浓度统计 = 城市日值的统计（剔除该污染物的例外事件日）；百分位数按 HJ 663 附录A（线性插值 = quantile_cont）；
-- 天数与比例以 AQI 有效天为分母；综合指数用期末有效的 GB 3095 二级限值；同比由修约后的发布值计算。
-- 统计有效性（GB 3095 表4，阈值见 air_validity_rules）：月值要求该月有效日值≥27（二月≥25）；年初至今要求期内
-- 每个月都满足，全年（年初至12月）另要求≥324个有效日值；百分位数（CO P95、O3 P90）同此。
with

city_daily as (

    select * from {{ ref('fct_air_quality_daily') }}

),

limits as (

    select * from {{ ref('gb3095_limits') }}

),

pollutants as (

    select * from {{ ref('air_pollutants') }}

),

{%- set daily_column = air_statistic_daily_columns() %}
{%- set stat_pollutants = daily_column.keys() | list %}
{#- period value of each pollutant: column name in this mart -#}
{%- set period_value = {'so2': 'so2_mean', 'no2': 'no2_mean', 'co': 'co_p95', 'o3': 'o3_mda8_p90', 'pm10': 'pm10_mean', 'pm25': 'pm25_mean'} %}
{%- set yoy_column = {'so2': 'so2_yoy_pct', 'no2': 'no2_yoy_pct', 'co': 'co_yoy_pct', 'o3': 'o3_yoy_pct', 'pm10': 'pm10_yoy_pct', 'pm25': 'pm25_yoy_pct'} %}
{%- set categories = [('优', 'excellent'), ('良', 'good'), ('轻度污染', 'lightly_polluted'), ('中度污染', 'moderately_polluted'), ('重度污染', 'heavily_polluted'), ('严重污染', 'severely_polluted')] %}

periods as (

    {{ air_report_periods('city_daily') }}

),

-- a pollutant's concentration is left out of its period statistics on its exceptional-event days
daily_for_stats as (

    {{ air_daily_for_statistics('city_daily', ['ruleset', 'is_retrospective', 'aqi_category', 'is_valid_day', 'is_good_day']) }}

),

period_stats as (

    select
        p.period_kind,
        p.year,
        p.end_month,
        p.period_start,
        p.period_end,
        cast(p.period_end - p.period_start + 1 as integer) as n_calendar_days,
        cast(count(d.obs_date) as integer) as n_days,
        string_agg(distinct d.ruleset, '+' order by d.ruleset) as rulesets_in_period,
        cast(count(d.obs_date) filter (where d.is_retrospective) as integer) as n_retrospective_days,
        avg(d.pm25_24h) as pm25_mean,
        avg(d.pm10_24h) as pm10_mean,
        avg(d.so2_24h) as so2_mean,
        avg(d.no2_24h) as no2_mean,
        -- HJ 663 附录A: k = 1 + (n−1)·p, linear interpolation between closest ranks = quantile_cont
        quantile_cont(d.co_24h, 0.95) as co_p95,
        quantile_cont(d.o3_8h, 0.90) as o3_mda8_p90,
        {%- for p in stat_pollutants %}
        cast(count(d.{{ daily_column[p] }}) as integer) as n_days_{{ p }},
        {%- endfor %}
        cast(count(d.obs_date) filter (where d.is_exceptional_event_day) as integer) as n_exceptional_event_days,
        cast(count(d.obs_date) filter (where d.is_valid_day) as integer) as valid_days,
        cast(count(d.obs_date) filter (where d.is_good_day) as integer) as good_days,
        {%- for zh, en in categories %}
        cast(count(d.obs_date) filter (where d.aqi_category = '{{ zh }}') as integer) as days_{{ en }}{{ ',' if not loop.last }}
        {%- endfor %}
    from periods as p
    left join daily_for_stats as d
        on d.obs_date between p.period_start and p.period_end
    group by p.period_kind, p.year, p.end_month, p.period_start, p.period_end

),

statistic_validity as (

    {{ air_statistic_validity('periods', 'daily_for_stats', []) }}

),

-- S_i of the composite index: the 二级 limit in force at the period end, of the averaging time that the
-- pollutant seed names (annual for SO2/NO2/PM10/PM2.5, 24h for CO, mda8 for O3); a period that ends before
-- the first limits in force (2016-01-01) is computed retrospectively and uses that first set (GB 3095-2012)
limits_first_day as (

    select min(valid_from) as first_valid_from
    from limits

),

composite_limits as (

    select
        p.period_kind,
        p.year,
        p.end_month,
        {%- for p in stat_pollutants %}
        max(l.limit_value) filter (where l.pollutant = '{{ p }}') as limit_{{ p }},
        {%- endfor %}
        string_agg(distinct l.standard || ' ' || l.stage, '; ') as composite_limits_standard
    from periods as p
    cross join limits_first_day as f
    cross join pollutants as po
    inner join limits as l
        on l.pollutant = po.pollutant
        and l.averaging = po.composite_averaging
        and l.zone_class = '二级'
        and greatest(p.period_end, f.first_valid_from) between l.valid_from and l.valid_to
    group by p.period_kind, p.year, p.end_month

),

report_decimals as (

    select
        {%- for p in stat_pollutants %}
        max(report_decimals) filter (where pollutant = '{{ p }}') as decimals_{{ p }}{{ ',' if not loop.last }}
        {%- endfor %}
    from pollutants

),

scored as (

    select
        s.*,
        s.good_days * 100.0 / nullif(s.valid_days, 0) as good_day_ratio,
        {%- for zh, en in categories %}
        s.days_{{ en }} * 100.0 / nullif(s.valid_days, 0) as share_{{ en }}_pct,
        {%- endfor %}
        {%- for p in stat_pollutants %}
        s.{{ period_value[p] }} / l.limit_{{ p }}{{ ' + ' if not loop.last }}
        {%- endfor %} as composite_index,
        l.composite_limits_standard,
        {%- for p in stat_pollutants %}
        {{ round_gbt8170('s.' ~ period_value[p], 'r.decimals_' ~ p) }} as {{ period_value[p] }}_report,
        {%- endfor %}
        {{ round_gbt8170('s.good_days * 100.0 / nullif(s.valid_days, 0)', 1) }} as good_day_ratio_report,
        {%- for p in stat_pollutants %}
        v.{{ p }}_statistic_valid{{ ',' if not loop.last }}
        {%- endfor %}
    from period_stats as s
    left join composite_limits as l
        on l.period_kind = s.period_kind
        and l.year = s.year
        and l.end_month = s.end_month
    left join statistic_validity as v
        on v.period_kind = s.period_kind
        and v.year = s.year
        and v.end_month = s.end_month
    cross join report_decimals as r

),

final as (

    select
        cur.period_kind,
        cur.year,
        cur.end_month,
        cur.period_start,
        cur.period_end,
        cur.n_calendar_days,
        cur.n_days,
        cur.rulesets_in_period,
        cur.n_retrospective_days,
        cur.n_retrospective_days > 0 as has_retrospective_days,
        cur.pm25_mean,
        cur.pm10_mean,
        cur.so2_mean,
        cur.no2_mean,
        cur.co_p95,
        cur.o3_mda8_p90,
        {%- for p in stat_pollutants %}
        cur.n_days_{{ p }},
        {%- endfor %}
        {%- for p in stat_pollutants %}
        cur.{{ p }}_statistic_valid,
        {%- endfor %}
        cur.n_exceptional_event_days,
        cur.valid_days,
        cur.good_days,
        {%- for zh, en in categories %}
        cur.days_{{ en }},
        {%- endfor %}
        {%- for zh, en in categories %}
        cur.share_{{ en }}_pct,
        {%- endfor %}
        cur.good_day_ratio,
        cur.composite_index,
        cur.composite_limits_standard,
        {%- for p in stat_pollutants %}
        cur.{{ period_value[p] }}_report,
        {%- endfor %}
        cur.good_day_ratio_report,
        {%- for p in stat_pollutants %}
        ly.{{ period_value[p] }} as {{ period_value[p] }}_ly,
        {%- endfor %}
        ly.good_day_ratio as good_day_ratio_ly,
        {%- for p in stat_pollutants %}
        cast(
            (cur.{{ period_value[p] }}_report - ly.{{ period_value[p] }}_report)
            / nullif(ly.{{ period_value[p] }}_report, 0) * 100
        as double) as {{ yoy_column[p] }},
        {%- endfor %}
        cast(cur.good_day_ratio_report - ly.good_day_ratio_report as double) as good_day_ratio_yoy_pp
    from scored as cur
    left join scored as ly
        on ly.period_kind = cur.period_kind
        and ly.year = cur.year - 1
        and ly.end_month = cur.end_month

)

select * from final
