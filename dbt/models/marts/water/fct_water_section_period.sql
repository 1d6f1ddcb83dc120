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
        s.section_name,
        s.district,
        s.water_body_type,
        s.is_national,
        s.is_provincial,
        s.is_city,
        c.year,
        c.end_month,
        make_date(c.year, 1, 1) as period_start,
        cast(last_day(make_date(c.year, c.end_month, 1)) as date) as period_end,
        cast(m.n_months as integer) as n_months,
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
    inner join months as m
        on c.section_code = m.section_code
        and c.year = m.year
        and c.end_month = m.end_month
    inner join sections as s
        on c.section_code = s.section_code

)

select * from final
