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

period as (

    {{ water_ytd_means('monthly', 'section_code') }}

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
        {{ water_class_columns() }}
    from classified

)

select * from final
