-- 饮用水水源地 × 年 × 截止月：年初至截止月各月均值的平均，表1 项目（化学需氧量、水温、总氮、粪大肠菌群除外）按 GB 3838 单因子定类别，
-- 表2 补充项目（硫酸盐、氯化物、硝酸盐、铁、锰）与标准限值比较。Ⅲ类及以上且表2项目均不超标即为达标。
with

samples as (

    select * from {{ ref('stg_water__drinking_samples') }}
    where parameter <> 'cod'

),

sources as (

    select * from {{ ref('stg_water__drinking_sources') }}

),

table2_limits as (

    select
        parameter,
        max_value
    from {{ ref('gb3838_limits') }}
    where gb3838_table = '表2'

),

monthly as (

    {{ water_monthly_means('samples', 'sources', 'source_code') }}

),

period as (

    {{ water_ytd_means('monthly', 'source_code') }}

),

classified as (

    {{ water_parameter_class('period') }}

),

source_classes as (

    {{ water_object_class('classified', ['source_code', 'year', 'end_month']) }}

),

table2 as (

    select
        p.source_code,
        p.year,
        p.end_month,
        cast(count(*) filter (where round(p.value, 6) > l.max_value) as integer) as n_table2_exceeding
    from period as p
    inner join table2_limits as l
        on p.parameter = l.parameter
    group by all

),

months as (

    select
        source_code,
        year,
        end_month,
        max(n_months) as n_months
    from period
    group by all

),

final as (

    select
        m.source_code,
        r.source_name,
        r.district,
        r.source_level,
        r.source_type,
        m.year,
        m.end_month,
        cast(m.n_months as integer) as n_months,
        c.n_parameters_evaluated,
        c.class_no,
        c.class_label,
        coalesce(t.n_table2_exceeding, 0) as n_table2_exceeding,
        coalesce(c.class_no <= 3 and coalesce(t.n_table2_exceeding, 0) = 0, false) as is_ok,
        c.main_pollutants
    from months as m
    left join source_classes as c using (source_code, year, end_month)
    left join table2 as t using (source_code, year, end_month)
    inner join sources as r
        on m.source_code = r.source_code

)

select * from final
