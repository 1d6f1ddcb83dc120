-- 断面 × 月 × 项目：当月样品的算术均值（一个样品即其值；低于检出限取检出限之半），按断面水体类型（河流/湖库）用 GB 3838 表1 单因子定类别。
with

samples as (

    select * from {{ ref('stg_water__section_samples') }}

),

sections as (

    select
        section_code,
        water_body_type
    from {{ ref('stg_water__sections') }}

),

monthly as (

    {{ water_monthly_means('samples', 'sections', 'section_code') }}

),

classified as (

    {{ water_parameter_class('monthly') }}

),

final as (

    select
        section_code,
        month_start,
        {{ period_year_month('month_start') }},
        parameter,
        name_zh,
        water_body_type,
        value,
        n_samples,
        is_below_detection,
        {{ water_class_columns() }}
    from classified

)

select * from final
