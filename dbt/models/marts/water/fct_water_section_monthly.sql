-- 断面 × 月水质类别：参评项目（21项）当月值中类别最差者定断面类别；劣于Ⅲ类时列出主要污染指标及超标倍数。
with

params as (

    select * from {{ ref('int_water__section_monthly_params') }}

),

sections as (

    select * from {{ ref('stg_water__sections') }}

),

section_classes as (

    {{ water_object_class('params', ['section_code', 'month_start']) }}

),

final as (

    select
        c.section_code,
        s.section_name,
        s.district,
        s.water_body_type,
        s.is_national,
        s.is_provincial,
        s.is_city,
        cast(year(c.month_start) as integer) as year,
        cast(month(c.month_start) as integer) as month,
        c.month_start,
        c.n_parameters_evaluated,
        c.class_no,
        c.class_label,
        c.grade,
        c.is_good,
        c.is_worse_than_v,
        s.target_class_no,
        c.class_no <= s.target_class_no as meets_target,
        c.main_pollutants
    from section_classes as c
    inner join sections as s
        on c.section_code = s.section_code

)

select * from final
