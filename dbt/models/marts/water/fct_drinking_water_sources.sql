-- 年初至各月末时段的饮用水水源地指标：县级及以上水源水质达到或好于Ⅲ类比例（分子、分母）、撤销县级以上水源地数、
-- 整并乡镇水源地数、水质自动监测微站（新建/移用/利用现有）数。撤销、整并、微站均按台账中的批复或建成日期落在时段内计数。
with

source_periods as (

    select * from {{ ref('int_water__drinking_source_period') }}

),

changes as (

    select * from {{ ref('stg_water__source_changes') }}

),

micro_stations as (

    select * from {{ ref('stg_water__micro_stations') }}

),

months as (

    select distinct make_date(year, end_month, 1) as month_start from source_periods
    union
    select distinct cast(date_trunc('month', approved_on) as date) as month_start from changes
    union
    select distinct cast(date_trunc('month', completed_on) as date) as month_start from micro_stations

),

periods as (

    select
        {{ period_ytd_of_month('month_start') }}
    from months
    where month_start is not null

),

quality as (

    select
        year,
        end_month,
        cast(count(*) as bigint) as n_sources_monitored,
        cast(count(*) filter (where is_ok) as bigint) as n_sources_ok
    from source_periods
    where source_level = '县级及以上'
    group by all

),

counted as (

    select
        p.year,
        p.end_month,
        cast(count(distinct c.change_code) filter (
            where c.change_type = '撤销' and c.source_level = '县级及以上'
        ) as bigint) as n_county_sources_revoked,
        cast(count(distinct c.change_code) filter (
            where c.change_type = '整并' and c.source_level = '乡镇'
        ) as bigint) as n_township_sources_merged
    from periods as p
    left join changes as c
        on c.approved_on between p.period_start and p.period_end
    group by all

),

stations as (

    select
        p.year,
        p.end_month,
        cast(count(*) filter (where m.build_type = '新建') as bigint) as n_micro_stations_new,
        cast(count(*) filter (where m.build_type = '移用') as bigint) as n_micro_stations_moved,
        cast(count(*) filter (where m.build_type = '利用现有') as bigint) as n_micro_stations_reused
    from periods as p
    left join micro_stations as m
        on m.completed_on between p.period_start and p.period_end
    group by all

),

final as (

    select
        p.year,
        p.end_month,
        p.period_start,
        p.period_end,
        coalesce(q.n_sources_monitored, 0) as n_sources_monitored,
        coalesce(q.n_sources_ok, 0) as n_sources_ok,
        cast(100.0 * q.n_sources_ok / nullif(q.n_sources_monitored, 0) as double) as ok_ratio_pct,
        c.n_county_sources_revoked,
        c.n_township_sources_merged,
        s.n_micro_stations_new,
        s.n_micro_stations_moved,
        s.n_micro_stations_reused
    from periods as p
    {{ period_left_join_parts({'q': 'quality', 'c': 'counted', 's': 'stations'}, ['year', 'end_month']) }}

)

select * from final
