-- 城市日：当日参与城市评价站点的有效站点日值的算术平均（先站点日均、后城市平均；O3 取各站 MDA8 与
-- 日最大1小时的平均），再用城市浓度计算 IAQI、AQI（不是站点 AQI 的平均或最大）。某项目有效的站点
-- 不足当日应参评站点数的 min_station_share_city_day_pct（air_validity_rules）时，该项目城市值无效，按缺测处理。
-- 每个有任何小时数据的自然日一行（即使当日没有评价站点的数据）。
-- 增量（delete+insert，按自然日）：只重算站点小时中比本表新的自然日（宏 air_rebuilt_dates）。
{{ air_incremental_daily_config() }}
with

station_hourly as (

    {{ air_incremental_daily_source(ref('int_air__station_hourly')) }}

),

station_daily as (

    {{ air_incremental_daily_source(ref('int_air__station_daily')) }}

),

stations as (

    select * from {{ ref('stg_air__stations') }}

),

rules as (

    {{ air_validity_thresholds(['min_station_share_city_day_pct']) }}

),

calendar_days as (

    select distinct obs_date
    from station_hourly

),

stations_expected as (

    select
        d.obs_date,
        cast(count(s.station_code) as integer) as n_stations_evaluation
    from calendar_days as d
    left join stations as s
        on s.is_city_evaluation
        and d.obs_date >= s.started_on
        and (s.stopped_on is null or d.obs_date <= s.stopped_on)
    group by d.obs_date

),

evaluation_station_days as (

    select *
    from station_daily
    where is_city_evaluation

),

city_means as (

    select
        obs_date,
        cast(count(*) as integer) as n_stations_reporting,
        cast(count(*) filter (
            where so2_24h is not null and no2_24h is not null and co_24h is not null
            and pm10_24h is not null and pm25_24h is not null and o3_8h is not null
        ) as integer) as n_stations_valid,
    {%- for item in air_daily_item_codes() %}
    avg({{ item }}) as {{ item }},
    cast(count({{ item }}) as integer) as n_stations_{{ item }}{{ ',' if not loop.last }}
    {%- endfor %}
    from evaluation_station_days
    group by obs_date

),

station_counts as (

    select
        d.obs_date,
        coalesce(e.n_stations_evaluation, 0) as n_stations_evaluation,
        coalesce(m.n_stations_reporting, 0) as n_stations_reporting,
        coalesce(m.n_stations_valid, 0) as n_stations_valid,
    {%- for item in air_daily_item_codes() %}
    m.{{ item }} as {{ item }}_all_stations,
    coalesce(m.n_stations_{{ item }}, 0) as n_stations_{{ item }},
    -- integer comparison: n / n_evaluation >= share %, without float rounding at the boundary
    coalesce(m.n_stations_{{ item }}, 0) * 100
    >= r.min_station_share_city_day_pct
    * coalesce(e.n_stations_evaluation, 0) as {{ item }}_enough_stations{{ ',' if not loop.last }}
    {%- endfor %}
    from calendar_days as d
    cross join rules as r
    left join stations_expected as e
        on d.obs_date = e.obs_date
    left join city_means as m
        on d.obs_date = m.obs_date

),

concentrations as (

    select
        obs_date,
        n_stations_evaluation,
        n_stations_reporting,
        n_stations_valid,
        {%- for item in air_daily_item_codes() %}
        n_stations_{{ item }},
        case when {{ item }}_enough_stations then {{ item }}_all_stations end as {{ item }},
        {%- endfor %}
        nullif(concat_ws(
            ','
            {%- for item in air_daily_item_codes() %},
            case when n_stations_{{ item }} > 0 and not {{ item }}_enough_stations then '{{ item }}' end
            {%- endfor %}
        ), '') as items_below_station_share
    from station_counts

),

day_rulesets as (

    {{ air_day_ruleset('concentrations', []) }}

),

{{ air_daily_aqi_ctes('concentrations', []) }},

final as (

    select
        c.obs_date,
        r.ruleset,
        r.ruleset_label,
        r.is_retrospective,
        c.n_stations_evaluation,
        c.n_stations_reporting,
        c.n_stations_valid,
        {{ qualified_columns('c', air_daily_item_codes(), prefix='n_stations_') }}
        c.items_below_station_share,
        {{ air_day_concentration_columns('c') }},
        {{ air_daily_aqi_columns() }},
        {{ air_built_at() }} as _built_at
    from concentrations as c
    {{ air_daily_aqi_joins('c', ['obs_date'], with_day_ruleset=true) }}

)

select * from final
