-- 区县 × 统计期网格：districts 种子全部区县 × int_soil__periods 的每个年内累计期，使未报送、无事件的区县也有一行（计数为 0）。
with

districts as (

    select * from {{ ref('districts') }}

),

periods as (

    select * from {{ ref('int_soil__periods') }}

),

final as (

    select
        cast(d.district_code as varchar) as district_code,
        cast(d.district_name as varchar) as district,
        d.district_type <> '功能区' as is_county_level,
        p.year,
        p.end_month,
        p.period_start,
        p.period_end
    from districts as d
    cross join periods as p

)

select * from final
