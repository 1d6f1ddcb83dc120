-- 断面 × 年初至各月末时段的水质类别：先求时段内各项目均值（各月均值的平均），再单因子定类别（不是取最差月份）。
with

params as (

    select * from {{ ref('int_water__section_period_params') }}

),

sections as (

    select * from {{ ref('stg_water__sections') }}

),

section_classes as (

    {{ water_object_class('params', ['section_code', 'year', 'end_month']) }}

),

months as (

    select
        section_code,
        year,
        end_month,
        max(n_months) as n_months
    from params
    group by all

),

final as (

    select
        c.section_code,
        {{ water_section_attributes('s') }},
        c.year,
        c.end_month,
        {{ period_ytd_bounds('c.year', 'c.end_month') }},
        cast(m.n_months as integer) as n_months,
        {{ water_section_class_columns('c', 's') }}
    from section_classes as c
    inner join months as m using (section_code, year, end_month)
    inner join sections as s
        on c.section_code = s.section_code

)

select * from final
