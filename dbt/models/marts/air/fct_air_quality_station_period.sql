-- 站点 × 期间（自然月 'month'、年初至月末 'ytd'）× 评价口径（assessment_basis，即规则集 2012 / 2026）：期间的每个站点日都按
-- 该口径的 AQI 规则计算（int_air__station_daily_by_basis），跨 2026-03-01 的期间因此有两版完整的有效天、优良天与优良天数比例；
-- 发布哪一版与城市期间统计相同（宏 air_period_bases，dbt 变量 air_published_basis），is_published_basis 标出。浓度统计
-- 与口径无关：站点日值的均值与百分位数（剔除该污染物的例外事件日，百分位数按 HJ 663 附录A 线性插值），以及 GB 3095 表4 的
-- 统计有效性（与城市期间统计同一宏 air_statistic_validity）。每个站点只在它有站点日数据的期间有行。
with

station_daily as (

    select * from {{ ref('int_air__station_daily_by_basis') }}

),

{%- set daily_column = air_statistic_daily_columns() %}

periods as (

    {{ air_report_periods('station_daily') }}

),

-- a pollutant's concentration is left out of its period statistics on its exceptional-event days
daily_for_stats as (

    {{ air_daily_for_statistics('station_daily', [
        'station_code', 'station_name', 'district', 'assessment_basis', 'ruleset', 'is_retrospective',
        'is_ruleset_in_force', 'is_valid_day', 'is_good_day',
    ]) }}

),

statistic_validity as (

    {{ air_statistic_validity('periods', 'daily_for_stats', ['station_code', 'assessment_basis']) }}

),

period_labels as (

    {{ air_period_bases('periods') }}

),

period_stats as (

    select
        d.station_code,
        max(d.station_name) as station_name,
        max(d.district) as district,
        {{ air_period_keys('p', 'd') }},
        cast(count(d.obs_date) as integer) as n_days,
        string_agg(distinct d.ruleset, '+' order by d.ruleset) as rulesets_in_period,
        cast(count(d.obs_date) filter (where not d.is_ruleset_in_force) as integer) as n_recomputed_days,
        cast(count(d.obs_date) filter (where d.is_retrospective) as integer) as n_retrospective_days,
        {{ air_period_concentrations('d') }},
        {{ air_period_day_counts('d') }}
    {{ air_period_station_days('station_code') }}

),

final as (

    select
        s.station_code,
        s.station_name,
        s.district,
        {{ air_period_published_columns('s', 'b') }},
        s.n_days,
        s.rulesets_in_period,
        s.n_recomputed_days,
        s.n_retrospective_days,
        {{ air_period_concentration_columns('s') }}
        {%- for p in daily_column %}
        coalesce(v.{{ p }}_statistic_valid, false) as {{ p }}_statistic_valid,
        {%- endfor %}
        s.valid_days,
        s.good_days,
        {{ air_good_day_ratio('s.good_days', 's.valid_days') }} as good_day_ratio
    from period_stats as s
    left join statistic_validity as v using (station_code, period_kind, year, end_month, assessment_basis)
    left join period_labels as b using (period_kind, year, end_month, assessment_basis)

)

select * from final
