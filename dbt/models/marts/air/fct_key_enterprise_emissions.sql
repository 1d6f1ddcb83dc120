-- 行业 × 年度的重点排污单位排放：企业数、安装在线监控企业数、四项主要大气污染物排放量（t）、合计及占全市重点企业
-- 排放总量的比例；水泥、火电、玻璃、钢铁为重点行业（is_heavy_industry），并给出当年重点行业合计占比。
with

key_enterprises as (

    select * from {{ ref('stg_air__key_enterprises') }}

),

heavy_industries as (

    select * from {{ ref('air_heavy_industries') }}

),

classified as (

    select
        e.report_year,
        e.enterprise_code,
        e.industry,
        e.online_monitoring,
        e.so2_t,
        e.nox_t,
        e.particulates_t,
        e.vocs_t,
        coalesce(
            e.so2_t_qualifier, e.nox_t_qualifier, e.particulates_t_qualifier, e.vocs_t_qualifier
        ) is not null
            as has_approx_value,
        h.heavy_group
    from key_enterprises as e
    left join heavy_industries as h
        on strpos(e.industry, h.keyword) > 0
    qualify row_number() over (
        partition by e.report_year, e.enterprise_code
        order by length(h.keyword) desc nulls last, h.keyword
    ) = 1

),

by_industry as (

    select
        report_year as year,
        industry,
        min(heavy_group) as heavy_group,
        cast(count(*) as integer) as n_enterprises,
        cast(count(*) filter (where online_monitoring) as integer) as n_online_monitoring,
        cast(count(*) filter (where has_approx_value) as integer) as n_enterprises_with_approx_values,
        coalesce(sum(so2_t), 0) as so2_t,
        coalesce(sum(nox_t), 0) as nox_t,
        coalesce(sum(particulates_t), 0) as particulates_t,
        coalesce(sum(vocs_t), 0) as vocs_t
    from classified
    group by report_year, industry

),

with_total as (

    select
        *,
        so2_t + nox_t + particulates_t + vocs_t as total_t,
        heavy_group is not null as is_heavy_industry
    from by_industry

),

year_totals as (

    select
        year,
        sum(total_t) as year_total_t,
        sum(total_t) filter (where is_heavy_industry) as year_heavy_industry_total_t
    from with_total
    group by year

),

final as (

    select
        i.year,
        i.industry,
        i.is_heavy_industry,
        i.heavy_group,
        i.n_enterprises,
        i.n_online_monitoring,
        i.n_enterprises_with_approx_values,
        i.so2_t,
        i.nox_t,
        i.particulates_t,
        i.vocs_t,
        i.total_t,
        i.total_t * 100.0 / nullif(y.year_total_t, 0) as share_of_total_pct,
        y.year_total_t,
        coalesce(y.year_heavy_industry_total_t, 0) as year_heavy_industry_total_t,
        coalesce(y.year_heavy_industry_total_t, 0)
        * 100.0
        / nullif(y.year_total_t, 0) as year_heavy_industry_share_pct
    from with_total as i
    inner join year_totals as y
        on i.year = y.year

)

select * from final
