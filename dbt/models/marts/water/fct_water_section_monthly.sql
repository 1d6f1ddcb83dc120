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
        {{ water_section_attributes('s') }},
        {{ period_year_month('c.month_start') }},
        c.month_start,
        {{ water_section_class_columns('c', 's') }}
    from section_classes as c
    inner join sections as s
        on c.section_code = s.section_code

)

select * from final
