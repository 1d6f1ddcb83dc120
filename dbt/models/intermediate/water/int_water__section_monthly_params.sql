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

parameters as (

    select
        parameter,
        detection_limit
    from {{ ref('water_parameters') }}

),

monthly as (

    select
        s.section_code,
        s.sample_month as month_start,
        s.parameter,
        c.water_body_type,
        avg({{ water_value_for_mean('s.reported_value', 's.is_below_detection', 'p.detection_limit') }})
            as value,
        cast(count(*) as integer) as n_samples,
        bool_and(s.is_below_detection) as is_below_detection
    from samples as s
    inner join sections as c
        on s.section_code = c.section_code
    left join parameters as p
        on s.parameter = p.parameter
    group by all

),

classified as (

    {{ water_parameter_class('monthly') }}

),

final as (

    select
        section_code,
        month_start,
        cast(year(month_start) as integer) as year,
        cast(month(month_start) as integer) as month,
        parameter,
        name_zh,
        water_body_type,
        value,
        n_samples,
        is_below_detection,
        cast(class_no as integer) as class_no,
        class_iii_limit,
        exceedance_multiple,
        is_evaluated,
        is_priority,
        sort_order
    from classified

)

select * from final
