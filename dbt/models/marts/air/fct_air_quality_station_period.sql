-- 站点 × 期间（自然月 'month'、年初至月末 'ytd'）的浓度统计：站点日值的均值与百分位数（剔除该污染物的例外事件日，
-- 百分位数按 HJ 663 附录A 线性插值），以及 GB 3095 表4 的统计有效性（与城市期间统计同一宏 air_statistic_validity）。
-- 每个站点只在它有站点日数据的期间有行。
with

station_daily as (

    select * from {{ ref('fct_air_quality_station_daily') }}

),

{%- set daily_column = air_statistic_daily_columns() %}

periods as (

    {{ air_report_periods('station_daily') }}

),

-- a pollutant's concentration is left out of its period statistics on its exceptional-event days
daily_for_stats as (

    {{ air_daily_for_statistics(
        'station_daily', ['station_code', 'station_name', 'district', 'is_retrospective']
    ) }}

),

statistic_validity as (

    {{ air_statistic_validity('periods', 'daily_for_stats', ['station_code']) }}

),

period_stats as (

    select
        d.station_code,
        max(d.station_name) as station_name,
        max(d.district) as district,
        p.period_kind,
        p.year,
        p.end_month,
        p.period_start,
        p.period_end,
        cast(count(d.obs_date) as integer) as n_days,
        cast(count(d.obs_date) filter (where d.is_retrospective) as integer) as n_retrospective_days,
        avg(d.pm25_24h) as pm25_mean,
        avg(d.pm10_24h) as pm10_mean,
        avg(d.so2_24h) as so2_mean,
        avg(d.no2_24h) as no2_mean,
        quantile_cont(d.co_24h, 0.95) as co_p95,
        quantile_cont(d.o3_8h, 0.90) as o3_mda8_p90,
    {%- for p, column in daily_column.items() %}
    cast(count(d.{{ column }}) as integer) as n_days_{{ p }}{{ ',' if not loop.last }}
    {%- endfor %}
    from periods as p
    inner join daily_for_stats as d
        on d.obs_date between p.period_start and p.period_end
    group by d.station_code, p.period_kind, p.year, p.end_month, p.period_start, p.period_end

),

final as (

    select
        s.station_code,
        s.station_name,
        s.district,
        s.period_kind,
        s.year,
        s.end_month,
        s.period_start,
        s.period_end,
        s.n_days,
        s.n_retrospective_days,
        s.pm25_mean,
        s.pm10_mean,
        s.so2_mean,
        s.no2_mean,
        s.co_p95,
        s.o3_mda8_p90,
        {%- for p in daily_column %}
        s.n_days_{{ p }},
        {%- endfor %}
    {%- for p in daily_column %}
    coalesce(v.{{ p }}_statistic_valid, false) as {{ p }}_statistic_valid{{ ',' if not loop.last }}
    {%- endfor %}
    from period_stats as s
    left join statistic_validity as v
        on s.station_code = v.station_code
        and s.period_kind = v.period_kind
        and s.year = v.year
        and s.end_month = v.end_month

)

select * from final
