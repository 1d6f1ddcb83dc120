-- 区县 × 月末的长江干流入河排污口整治进度：台账中排查发现日期不晚于月末的干流排污口数（分母），
-- 以及树牌、监测、“一口一策”方案编制、整治完成日期不晚于月末的个数；整治完成比例 = 已整治 / 排污口数。进度从日期计数，不取填报的汇总数。
with

outfalls as (

    select * from {{ ref('stg_water__outfalls') }}
    where is_main_stem

),

bounds as (

    select
        cast(date_trunc('month', min(found_on)) as date) as first_month,
        cast(date_trunc('month', greatest(
            max(found_on), max(sign_erected_on), max(monitored_on), max(plan_written_on), max(remediated_on)
        )) as date) as last_month
    from outfalls

),

month_spine as (

    select cast(unnest(generate_series(first_month, last_month, interval 1 month)) as date) as month_start
    from bounds
    where first_month is not null

),

district_months as (

    select
        d.district,
        m.month_start,
        cast(last_day(m.month_start) as date) as month_end
    from (select distinct district from outfalls) as d
    cross join month_spine as m

),

counted as (

    select
        g.district,
        g.month_start,
        g.month_end,
        cast(count(o.outfall_code) as bigint) as n_outfalls,
        cast(count(*) filter (where o.sign_erected_on <= g.month_end) as bigint) as n_signs_erected,
        cast(count(*) filter (where o.monitored_on <= g.month_end) as bigint) as n_monitored,
        cast(count(*) filter (where o.plan_written_on <= g.month_end) as bigint) as n_plans_written,
        cast(count(*) filter (where o.remediated_on <= g.month_end) as bigint) as n_remediated
    from district_months as g
    left join outfalls as o
        on g.district = o.district
        and g.month_end >= o.found_on
    group by all

),

final as (

    select
        district,
        {{ period_year_month('month_start') }},
        month_start,
        month_end,
        n_outfalls,
        n_signs_erected,
        n_monitored,
        n_plans_written,
        n_remediated,
        cast(100.0 * n_remediated / nullif(n_outfalls, 0) as double) as remediation_ratio_pct
    from counted

)

select * from final
