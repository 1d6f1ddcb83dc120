-- 区县 × 月份的大气执法与机动车/非道路/水泥线指标：区县取 districts 种子全部区县，月份取执法月报中出现的所有报送月份。
-- 月报的“本月”（_month）与“累计”（_ytd）原样保留（未报送为空）；台账指标由逐条登记日期计算。
with

districts as (

    select * from {{ ref('districts') }}

),

enforcement as (

    select * from {{ ref('stg_air__enforcement') }}

),

nonroad_machinery as (

    select * from {{ ref('stg_air__nonroad_machinery') }}

),

vehicle_penalties as (

    select * from {{ ref('stg_air__vehicle_penalties') }}

),

cement_lines as (

    select * from {{ ref('stg_air__cement_lines') }}

),

{%- set metrics = ['enterprises_verified', 'inspection_staff_times', 'inspection_enterprises',
                   'vocs_projects_done', 'diesel_trucks_retired', 'remote_monitors_installed',
                   'vehicles_blacklisted', 'vehicles_exposed'] %}

report_months as (

    select distinct report_month
    from enforcement
    where report_month is not null

),

district_months as (

    select
        cast(d.district_code as varchar) as district_code,
        cast(d.district_name as varchar) as district,
        m.report_month as month_start,
        cast(last_day(m.report_month) as date) as month_end
    from districts as d
    cross join report_months as m

),

nonroad_counts as (

    {{ air_register_month_counts(
        'district_months', 'nonroad_machinery', 'registered_on', 'nonroad_machinery_registered'
    ) }}

),

penalty_counts as (

    {{ air_register_month_counts(
        'district_months', 'vehicle_penalties', 'punished_on', 'vehicles_punished'
    ) }}

),

-- 台账存量截至月末：生产线在核查日期（checked_on）之后才计入，未核查（无日期）的生产线不计入任何月份
cement_counts as (

    select
        g.district,
        g.month_start,
        cast(count(*) filter (where c.in_production) as bigint) as cement_lines_in_production,
        cast(count(*) filter (where c.in_production and c.meets_provincial_standard) as bigint)
            as cement_lines_compliant
    from district_months as g
    inner join cement_lines as c
        on g.district = c.district
        and g.month_end >= c.checked_on
    group by g.district, g.month_start

),

final as (

    select
        g.district_code,
        g.district,
        cast(year(g.month_start) as integer) as year,
        cast(month(g.month_start) as integer) as month,
        g.month_start,
        g.month_end,
        e.district is not null as is_submitted,
        {%- for m in metrics %}
        e.{{ m }}_month,
        e.{{ m }}_ytd,
        {%- endfor %}
        n.nonroad_machinery_registered_month,
        n.nonroad_machinery_registered_cumulative,
        p.vehicles_punished_month,
        p.vehicles_punished_cumulative,
        coalesce(c.cement_lines_in_production, 0) as cement_lines_in_production,
        coalesce(c.cement_lines_compliant, 0) as cement_lines_compliant
    from district_months as g
    left join enforcement as e
        on g.district = e.district
        and g.month_start = e.report_month
    {%- for counts, alias in [('nonroad_counts', 'n'), ('penalty_counts', 'p'), ('cement_counts', 'c')] %}
    left join {{ counts }} as {{ alias }}
        on g.district = {{ alias }}.district
        and g.month_start = {{ alias }}.month_start
    {%- endfor %}

)

select * from final
