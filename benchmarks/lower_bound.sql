-- The lower bound's computation (benchmarks/run_benchmark.py): the station-day, city-day and monthly figures
-- the warehouse's air chain publishes, in one script over the hourly rows as read (table hourly) and the
-- register (table stations). The reference tables (rulesets, items, pollutants, breakpoints) are the
-- project's seeds, and the validity thresholds arrive as variables read from air_validity_rules.csv.

-- hour-ending stamps: the natural day is that of (measured_at − 1 hour), hours labelled 1…24
create or replace temp table hourly_labelled as
select
    station_code,
    cast(measured_at - interval 1 hour as date) as obs_date,
    cast(extract(hour from measured_at - interval 1 hour) + 1 as integer) as hour_label,
    so2, no2, co, o3, pm10, pm25
from hourly;

create or replace temp table station_daily as
with days as (
    select
        station_code, obs_date,
        count(so2) as n_so2, avg(so2) as so2_mean,
        count(no2) as n_no2, avg(no2) as no2_mean,
        count(co) as n_co, avg(co) as co_mean,
        count(pm10) as n_pm10, avg(pm10) as pm10_mean,
        count(pm25) as n_pm25, avg(pm25) as pm25_mean,
        count(o3) as n_o3, max(o3) as o3_max
    from hourly_labelled
    group by all
),
-- 8-hour windows of the same natural day, labelled by their last hour
windows as (
    select
        station_code, obs_date, hour_label,
        avg(o3) over w as o3_8h_mean,
        count(o3) over w as n_o3_hours
    from hourly_labelled
    window w as (
        partition by station_code, obs_date order by hour_label
        range between 7 preceding and current row
    )
),
mda8 as (
    select
        station_code, obs_date,
        count(*) filter (
            where hour_label >= 8 and n_o3_hours >= getvariable('min_hours_8h_window')
        ) as n_windows,
        max(o3_8h_mean) filter (
            where hour_label >= 8 and n_o3_hours >= getvariable('min_hours_8h_window')
        ) as o3_8h_max
    from windows
    group by all
)
select
    d.station_code, d.obs_date,
    case when n_so2 >= getvariable('min_hours_daily_mean') then so2_mean end as so2_24h,
    case when n_no2 >= getvariable('min_hours_daily_mean') then no2_mean end as no2_24h,
    case when n_pm10 >= getvariable('min_hours_daily_mean') then pm10_mean end as pm10_24h,
    case when n_co >= getvariable('min_hours_daily_mean') then co_mean end as co_24h,
    case when n_o3 >= getvariable('min_hours_o3_1h_max') then o3_max end as o3_1h,
    case when n_windows >= getvariable('min_windows_mda8') then o3_8h_max end as o3_8h,
    case when n_pm25 >= getvariable('min_hours_daily_mean') then pm25_mean end as pm25_24h
from days as d
inner join mda8 as m on d.station_code = m.station_code and d.obs_date = m.obs_date;

-- city-day: the mean over the evaluation stations, valid when enough of them have the item
create or replace temp table city_daily as
with expected as (
    select count(*) as n from stations where is_city_evaluation
),
means as (
    select
        obs_date,
        avg(so2_24h) as so2_all, count(so2_24h) as n_so2,
        avg(no2_24h) as no2_all, count(no2_24h) as n_no2,
        avg(pm10_24h) as pm10_all, count(pm10_24h) as n_pm10,
        avg(co_24h) as co_all, count(co_24h) as n_co,
        avg(o3_1h) as o3_1h_all, count(o3_1h) as n_o3_1h,
        avg(o3_8h) as o3_8h_all, count(o3_8h) as n_o3_8h,
        avg(pm25_24h) as pm25_all, count(pm25_24h) as n_pm25
    from station_daily
    where station_code in (select station_code from stations where is_city_evaluation)
    group by obs_date
)
select
    obs_date,
    case when n_so2 * 100 >= getvariable('min_station_share_city_day_pct') * e.n then so2_all end as so2_24h,
    case when n_no2 * 100 >= getvariable('min_station_share_city_day_pct') * e.n then no2_all end as no2_24h,
    case when n_pm10 * 100 >= getvariable('min_station_share_city_day_pct') * e.n then pm10_all end as pm10_24h,
    case when n_co * 100 >= getvariable('min_station_share_city_day_pct') * e.n then co_all end as co_24h,
    case when n_o3_1h * 100 >= getvariable('min_station_share_city_day_pct') * e.n then o3_1h_all end as o3_1h,
    case when n_o3_8h * 100 >= getvariable('min_station_share_city_day_pct') * e.n then o3_8h_all end as o3_8h,
    case when n_pm25 * 100 >= getvariable('min_station_share_city_day_pct') * e.n then pm25_all end as pm25_24h
from means cross join expected as e;

-- IAQI of every item of the day's ruleset (concentration rounded half-even on its decimal first), AQI
create or replace temp table daily_aqi as
with days as (
    select 'station' as scope, station_code as subject, * exclude (station_code) from station_daily
    union all by name
    select 'city' as scope, 'city' as subject, * from city_daily
),
long as (
    unpivot days
    on so2_24h, no2_24h, pm10_24h, co_24h, o3_1h, o3_8h, pm25_24h
    into name item value concentration
),
rounded as (
    select
        l.scope, l.subject, l.obs_date, l.item,
        -- the decimal a double stands for is its 15 significant digits (round_even needs a constant scale)
        case p.concentration_decimals
            when 0 then round_even(cast(printf('%.15g', l.concentration) as decimal(38, 18)), 0)
            when 1 then round_even(cast(printf('%.15g', l.concentration) as decimal(38, 18)), 1)
            when 2 then round_even(cast(printf('%.15g', l.concentration) as decimal(38, 18)), 2)
        end as concentration_rounded,
        r.ruleset
    from long as l
    inner join rulesets as r on l.obs_date between r.valid_from and r.valid_to
    inner join items as i on r.ruleset = i.ruleset and l.item = i.item
    inner join pollutants as p on i.pollutant = p.pollutant
),
scored as (
    select
        x.scope, x.subject, x.obs_date,
        case
            when b.iaqi_hi = b.iaqi_lo then b.iaqi_lo
            else (b.iaqi_hi - b.iaqi_lo) / (b.bp_hi - b.bp_lo)
                * (cast(x.concentration_rounded as double) - b.bp_lo) + b.iaqi_lo
        end as iaqi_exact
    from rounded as x
    left join breakpoints as b
        on x.ruleset = b.ruleset and x.item = b.item
        and cast(x.concentration_rounded as double) >= b.bp_lo
        and (b.bp_hi is null or cast(x.concentration_rounded as double) <= b.bp_hi)
    qualify row_number() over (partition by x.scope, x.subject, x.obs_date, x.item order by b.segment) = 1
)
select scope, subject, obs_date, max(cast(ceil(round(iaqi_exact, 6)) as integer)) as aqi
from scored
group by all;

create or replace temp table period_means as
select
    year(obs_date) as year,
    month(obs_date) as end_month,
    avg(pm25_24h) as pm25_mean,
    avg(pm10_24h) as pm10_mean,
    avg(so2_24h) as so2_mean,
    avg(no2_24h) as no2_mean,
    quantile_cont(co_24h, 0.95) as co_p95,
    quantile_cont(o3_8h, 0.90) as o3_mda8_p90
from city_daily
group by all;
