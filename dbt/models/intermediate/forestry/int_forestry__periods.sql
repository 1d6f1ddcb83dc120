-- 年初至各月末的报告期：数据中出现过的每个年份 × 截止月份 1–12。期间由登记日期决定，不由文件决定。
with

events as (

    select event_on from {{ ref('int_forestry__events') }}

),

years as (

    select distinct cast(year(event_on) as integer) as year
    from events
    where event_on is not null

),

end_months as (

    select cast(t.m as integer) as end_month
    from range(1, 13) as t (m)

),

final as (

    select
        y.year,
        e.end_month,
        {{ period_ytd_bounds('y.year', 'e.end_month') }}
    from years as y
    cross join end_months as e

)

select * from final
