-- 区县 × 期间（自然月 'month'、年初至月末 'ytd'）× 评价口径（assessment_basis，即规则集 2012 / 2026）的空气质量：区县所辖各站点
-- 的站点日合在一起统计，站点日为计数单位（PM2.5 平均浓度 = 站点日 PM2.5 日均值的算术平均；优良天数比例 = 优良站点日 / 有效站点日）。
-- 期间的每个站点日都按该口径的 AQI 规则计算（int_air__station_daily_by_basis），跨 2026-03-01 的期间因此有两版完整的统计；
-- 发布哪一版与城市期间统计相同（宏 air_period_bases），is_published_basis 标出；上年同期取同一口径的行（上年按本口径重算）。
-- 例外事件日只从该污染物的浓度统计中剔除，AQI 天数与比例不剔除（宏 air_daily_for_statistics，与城市期间统计相同）。
with

station_daily as (

    select * from {{ ref('int_air__station_daily_by_basis') }}

),

periods as (

    {{ air_report_periods('station_daily') }}

),

-- a pollutant's concentration is left out of its period statistics on its exceptional-event days
daily_for_stats as (

    {{ air_daily_for_statistics('station_daily', [
        'station_code', 'district', 'assessment_basis', 'ruleset', 'is_retrospective', 'is_ruleset_in_force',
        'is_valid_day', 'is_good_day',
    ]) }}

),

period_labels as (

    {{ air_period_bases('periods') }}

),

period_stats as (

    select
        d.district,
        {{ air_period_keys('p', 'd') }},
        cast(count(distinct d.station_code) as integer) as n_stations,
        cast(count(*) as integer) as n_station_days,
        string_agg(distinct d.ruleset, '+' order by d.ruleset) as rulesets_in_period,
        cast(count(*) filter (where not d.is_ruleset_in_force) as integer) as n_recomputed_station_days,
        cast(count(*) filter (where d.is_retrospective) as integer) as n_retrospective_station_days,
        avg(d.pm25_24h) as pm25_mean,
        cast(count(d.pm25_24h) as integer) as n_station_days_pm25,
        {{ air_period_day_counts('d') }}
    {{ air_period_station_days('district') }}

),

scored as (

    select
        s.*,
        {{ air_good_day_ratio('s.good_days', 's.valid_days') }} as good_day_ratio,
        b.assessment_standard,
        b.is_published_basis,
        b.published_basis_setting
    from period_stats as s
    left join period_labels as b using (period_kind, year, end_month, assessment_basis)

),

final as (

    select
        cur.district,
        {{ air_period_published_columns('cur', 'cur') }},
        cur.n_stations,
        cur.n_station_days,
        cur.rulesets_in_period,
        cur.n_recomputed_station_days,
        cur.n_retrospective_station_days,
        cur.n_retrospective_station_days > 0 as has_retrospective_days,
        cur.pm25_mean,
        cur.n_station_days_pm25,
        cur.valid_days,
        cur.good_days,
        cur.good_day_ratio,
        ly.pm25_mean as pm25_mean_ly,
        ly.good_day_ratio as good_day_ratio_ly,
        cast(ly.assessment_basis as varchar) as yoy_assessment_basis,
        ly.n_recomputed_station_days > 0 as yoy_previous_year_recomputed
    from scored as cur
    {{ air_period_prior_year_join('scored', 'ly', 'cur', ['district']) }}

)

select * from final
