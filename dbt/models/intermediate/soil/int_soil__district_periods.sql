-- 区县 × 统计期网格：districts 种子全部区县 × int_soil__periods 的每个年内累计期，使未报送、无事件的区县也有一行（计数为 0）。
with

periods as (

    select * from {{ ref('int_soil__periods') }}

),

final as (

    {{ period_district_grid(
        'periods', ['year', 'end_month', 'period_start', 'period_end'], with_county_level=true
    ) }}

)

select * from final
