-- 站点日：有效性（GB 3095 表4、HJ 663 §6.1.2）、日均值、O3 日最大1小时与日最大8小时（MDA8），
-- 再按当日规则集计算各项 IAQI、AQI、级别、类别、首要污染物（规则见宏 air_daily_iaqi / air_daily_aqi），
-- 规则集与“按新标准回算”标记见宏 air_day_ruleset。
-- 增量（delete+insert，按自然日）：只重算站点小时中比本表新的自然日（宏 air_rebuilt_dates）。
{{ air_incremental_daily_config() }}
with

station_hourly as (

    {{ air_incremental_daily_source(ref('int_air__station_hourly')) }}

),

limits as (

    select * from {{ ref('gb3095_limits') }}

),

rules as (

    {{ air_validity_thresholds([
        'min_hours_daily_mean', 'min_hours_8h_window', 'min_windows_mda8', 'min_hours_o3_1h_max',
    ]) }}

),

o3_limits as (

    -- the 二级 limits in force on a date decide "valid with fewer data only if over the limit"
    select
        valid_from,
        valid_to,
        max(limit_value) filter (where averaging = 'mda8') as o3_8h_limit,
        max(limit_value) filter (where averaging = '1h') as o3_1h_limit
    from limits
    where pollutant = 'o3' and zone_class = '二级'
    group by valid_from, valid_to

),

-- a day before the first limits in force (GB 3095-2012, 2016-01-01) is computed under the 2012 rules
-- retrospectively (按新标准回算), so it is judged against that first set of limits
o3_limits_first_day as (

    select min(valid_from) as first_valid_from
    from o3_limits

),

station_days as (

    select
        station_code,
        obs_date,
        any_value(station_name) as station_name,
        bool_or(is_in_register) as is_in_register,
        bool_or(is_city_evaluation) as is_city_evaluation,
        cast(count(*) as integer) as n_hours_reported,
        cast(count(so2) as integer) as n_valid_so2,
        cast(count(no2) as integer) as n_valid_no2,
        cast(count(co) as integer) as n_valid_co,
        cast(count(o3) as integer) as n_valid_o3,
        cast(count(pm10) as integer) as n_valid_pm10,
        cast(count(pm25) as integer) as n_valid_pm25,
        avg(so2) as so2_mean,
        avg(no2) as no2_mean,
        avg(co) as co_mean,
        avg(pm10) as pm10_mean,
        avg(pm25) as pm25_mean,
        max(o3) as o3_1h_max
    from station_hourly
    group by station_code, obs_date

),

-- one row for every hour label 1…24 of a station-day, so that a missing hour still ends a window
hour_grid as (

    select
        d.station_code,
        d.obs_date,
        cast(h.hour_label as integer) as hour_label
    from station_days as d
    cross join range(1, 25) as h (hour_label)

),

dense_o3 as (

    select
        g.station_code,
        g.obs_date,
        g.hour_label,
        s.o3
    from hour_grid as g
    left join station_hourly as s
        on g.station_code = s.station_code
        and g.obs_date = s.obs_date
        and g.hour_label = s.hour_label

),

-- 8-hour moving means labelled by their last hour (hours h−7…h of the same natural day)
o3_windows as (

    select
        station_code,
        obs_date,
        hour_label as window_end_hour,
        avg(o3) over moving_8h as o3_8h_mean,
        count(o3) over moving_8h as n_valid_hours
    from dense_o3
    window moving_8h as (
        partition by station_code, obs_date
        order by hour_label
        rows between 7 preceding and current row
    )

),

o3_mda8 as (

    select
        w.station_code,
        w.obs_date,
        cast(count(*) filter (
            where w.window_end_hour >= 8 and w.n_valid_hours >= r.min_hours_8h_window
        ) as integer) as n_valid_o3_8h_windows,
        max(w.o3_8h_mean) filter (
            where w.window_end_hour >= 8 and w.n_valid_hours >= r.min_hours_8h_window
        ) as o3_8h_max
    from o3_windows as w
    cross join rules as r
    group by w.station_code, w.obs_date

),

validated as (

    select
        d.station_code,
        d.obs_date,
        d.station_name,
        d.is_in_register,
        d.is_city_evaluation,
        {{ air_station_day_counts('d') }},
        m.n_valid_o3_8h_windows,
        case when d.n_valid_so2 >= r.min_hours_daily_mean then d.so2_mean end as so2_24h,
        case when d.n_valid_no2 >= r.min_hours_daily_mean then d.no2_mean end as no2_24h,
        case when d.n_valid_co >= r.min_hours_daily_mean then d.co_mean end as co_24h,
        case when d.n_valid_pm10 >= r.min_hours_daily_mean then d.pm10_mean end as pm10_24h,
        case when d.n_valid_pm25 >= r.min_hours_daily_mean then d.pm25_mean end as pm25_24h,
        case
            when d.n_valid_o3 >= r.min_hours_o3_1h_max then d.o3_1h_max
            when d.o3_1h_max > lim.o3_1h_limit then d.o3_1h_max
        end as o3_1h,
        case
            when m.n_valid_o3_8h_windows >= r.min_windows_mda8 then m.o3_8h_max
            when m.o3_8h_max > lim.o3_8h_limit then m.o3_8h_max
        end as o3_8h,
        coalesce(
            m.n_valid_o3_8h_windows < r.min_windows_mda8 and m.o3_8h_max > lim.o3_8h_limit,
            false
        ) as o3_8h_valid_by_exceedance
    from station_days as d
    inner join o3_mda8 as m
        on d.station_code = m.station_code
        and d.obs_date = m.obs_date
    cross join rules as r
    cross join o3_limits_first_day as f
    left join o3_limits as lim
        on greatest(d.obs_date, f.first_valid_from) between lim.valid_from and lim.valid_to

),

day_rulesets as (

    {{ air_day_ruleset('validated', ['station_code']) }}

),

{{ air_daily_aqi_ctes('validated', ['station_code']) }},

final as (

    select
        v.station_code,
        v.obs_date,
        v.station_name,
        v.is_in_register,
        v.is_city_evaluation,
        r.ruleset,
        r.ruleset_label,
        r.is_retrospective,
        {{ air_station_day_counts('v') }},
        v.n_valid_o3_8h_windows,
        {{ air_day_concentration_columns('v') }},
        v.o3_8h_valid_by_exceedance,
        {{ air_daily_aqi_columns() }},
        {{ air_built_at() }} as _built_at
    from validated as v
    {{ air_daily_aqi_joins('v', ['station_code', 'obs_date'], with_day_ruleset=true) }}

)

select * from final
