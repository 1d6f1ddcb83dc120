-- 考核级别（国考/省考/市控）× 年初至各月末时段：参评断面数、优良（Ⅰ–Ⅲ类）比例、劣Ⅴ类比例、达标率。
-- 一个断面属于多个级别时在每个级别都计数；比例同时保存分子与分母。
with

sections as (

    select * from {{ ref('stg_water__sections') }}

),

period as (

    select * from {{ ref('fct_water_section_period') }}

),

section_levels as (

    select
        section_code,
        '国考' as assessment_level,
        1 as level_order
    from sections
    where is_national
    union all
    select
        section_code,
        '省考' as assessment_level,
        2 as level_order
    from sections
    where is_provincial
    union all
    select
        section_code,
        '市控' as assessment_level,
        3 as level_order
    from sections
    where is_city

),

register_counts as (

    select
        assessment_level,
        level_order,
        cast(count(*) as bigint) as n_sections_in_register
    from section_levels
    group by all

),

periods as (

    select distinct
        year,
        end_month
    from period

),

evaluated as (

    select
        l.assessment_level,
        p.year,
        p.end_month,
        cast(count(*) as bigint) as n_sections_evaluated,
        cast(count(*) filter (where p.is_good) as bigint) as n_sections_good,
        cast(count(*) filter (where p.is_worse_than_v) as bigint) as n_sections_worse_than_v,
        cast(count(*) filter (where p.target_class_no is not null) as bigint) as n_sections_with_target,
        cast(count(*) filter (where p.meets_target) as bigint) as n_sections_meeting_target
    from period as p
    inner join section_levels as l
        on p.section_code = l.section_code
    group by all

),

final as (

    select
        r.assessment_level,
        cast(r.level_order as integer) as level_order,
        g.year,
        g.end_month,
        {{ period_ytd_bounds('g.year', 'g.end_month') }},
        r.n_sections_in_register,
        coalesce(e.n_sections_evaluated, 0) as n_sections_evaluated,
        coalesce(e.n_sections_good, 0) as n_sections_good,
        cast(100.0 * e.n_sections_good / nullif(e.n_sections_evaluated, 0) as double) as good_ratio_pct,
        coalesce(e.n_sections_worse_than_v, 0) as n_sections_worse_than_v,
        cast(100.0 * e.n_sections_worse_than_v / nullif(e.n_sections_evaluated, 0) as double)
            as worse_than_v_ratio_pct,
        coalesce(e.n_sections_with_target, 0) as n_sections_with_target,
        coalesce(e.n_sections_meeting_target, 0) as n_sections_meeting_target,
        cast(100.0 * e.n_sections_meeting_target / nullif(e.n_sections_with_target, 0) as double)
            as compliance_rate_pct
    from register_counts as r
    cross join periods as g
    left join evaluated as e
        on r.assessment_level = e.assessment_level
        and g.year = e.year
        and g.end_month = e.end_month

)

select * from final
