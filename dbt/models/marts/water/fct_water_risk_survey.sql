-- 区县 × 月份的突发水污染事件风险隐患排查：排查家次、发现与已整改隐患数按排查日期所在月计，立案查处按立案日期（缺失时按排查日期）所在月计。
with

checks as (

    select
        *,
        cast(date_trunc('month', checked_on) as date) as check_month,
        cast(date_trunc('month', coalesce(case_filed_on, checked_on)) as date) as case_month
    from {{ ref('stg_water__risk_survey') }}

),

district_months as (

    select distinct
        district,
        check_month as month_start
    from checks
    union
    select distinct
        district,
        case_month
    from checks
    where case_filed

),

by_check_month as (

    select
        district,
        check_month as month_start,
        cast(count(*) as bigint) as n_enterprise_checks,
        cast(sum(hazards_found) as bigint) as hazards_found,
        cast(sum(hazards_rectified) as bigint) as hazards_rectified
    from checks
    group by all

),

by_case_month as (

    select
        district,
        case_month as month_start,
        cast(count(*) as bigint) as n_cases_filed
    from checks
    where case_filed
    group by all

),

final as (

    select
        g.district,
        {{ period_year_month('g.month_start') }},
        g.month_start,
        coalesce(c.n_enterprise_checks, 0) as n_enterprise_checks,
        coalesce(c.hazards_found, 0) as hazards_found,
        coalesce(c.hazards_rectified, 0) as hazards_rectified,
        coalesce(k.n_cases_filed, 0) as n_cases_filed
    from district_months as g
    left join by_check_month as c
        on g.district = c.district and g.month_start = c.month_start
    left join by_case_month as k
        on g.district = k.district and g.month_start = k.month_start

)

select * from final
