-- 断面 × 年 × 截止月 × 项目：当年1月至截止月各月均值的算术平均（年初至今），再按 GB 3838 表1 单因子定类别。
-- 截止月取数据中出现的每个月，故“1–10月”“1–11月”等任意年初至月末时段都有一行。
with

monthly as (

    select
        section_code,
        month_start,
        parameter,
        water_body_type,
        value
    from {{ ref('int_water__section_monthly_params') }}

),

period_ends as (

    select distinct month_start as end_month_start from monthly

),

period as (

    select
        m.section_code,
        cast(year(e.end_month_start) as integer) as year,
        cast(month(e.end_month_start) as integer) as end_month,
        m.parameter,
        m.water_body_type,
        avg(m.value) as value,
        cast(count(*) as integer) as n_months
    from period_ends as e
    inner join monthly as m
        on year(m.month_start) = year(e.end_month_start)
        and e.end_month_start >= m.month_start
    group by all

),

classified as (

    {{ water_parameter_class('period') }}

),

final as (

    select
        section_code,
        year,
        end_month,
        parameter,
        name_zh,
        water_body_type,
        value,
        n_months,
        cast(class_no as integer) as class_no,
        class_iii_limit,
        exceedance_multiple,
        is_evaluated,
        is_priority,
        sort_order
    from classified

)

select * from final
