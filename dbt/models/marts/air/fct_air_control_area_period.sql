-- 大气污染防治措施指标的地区 × 期间（契约表）：area = 城市（全市）或区县，期间为当年1月至 end_month 月末，截止月取执法月报
-- （fct_air_enforcement）中出现过的全部月份。执法月报为1月至截止月“本月”数之和，任一月份未报送即不完整；水泥线、非道路机械、
-- 超标车查处为截止月末存量；全市行为各区县之和。重点企业名录为年度存量，只有全市行，当年每个截止月取同一值。
{%- set enforcement_flows = [
    'enterprises_verified', 'inspection_staff_times', 'inspection_enterprises', 'vocs_projects_done',
    'diesel_trucks_retired', 'remote_monitors_installed', 'vehicles_blacklisted', 'vehicles_exposed'] %}
{%- set register_stocks = ['cement_lines_compliant', 'nonroad_machinery_registered', 'vehicles_punished'] %}
with

enforcement as (

    select * from {{ ref('fct_air_enforcement') }}

),

key_enterprises as (

    select * from {{ ref('fct_key_enterprise_emissions') }}

),

periods as (

    select distinct
        year,
        month as end_month
    from enforcement

),

enforcement_values as (

    {% call period_area_ytd('enforcement', 'e', enforcement_flows, suffix='_month') %}
        sum(e.cement_lines_compliant) filter (where e.month = p.end_month) as cement_lines_compliant,
        sum(e.nonroad_machinery_registered_cumulative) filter (where e.month = p.end_month)
            as nonroad_machinery_registered,
        sum(e.vehicles_punished_cumulative) filter (where e.month = p.end_month) as vehicles_punished,
        bool_and(e.is_submitted) as is_every_month_submitted
    {% endcall %}

),

key_enterprise_years as (

    select
        year,
        sum(n_online_monitoring) as n_online_monitoring,
        sum(n_enterprises) as n_enterprises,
        sum(n_enterprises_with_approx_values) as n_enterprises_with_approx_values,
        max(year_heavy_industry_total_t) as heavy_industry_total_t,
        max(year_total_t) as total_t,
        max(year_heavy_industry_share_pct) as heavy_industry_share_pct
    from key_enterprises
    group by year

),

final as (

    select
        cast(e.area as varchar) as area,
        cast(e.year as integer) as year,
        cast(e.end_month as integer) as end_month,
        {%- for column in enforcement_flows %}
        cast(e.{{ column }} as double) as {{ column }},
        {%- endfor %}
        coalesce(e.is_every_month_submitted, false) as is_every_month_submitted,
        {%- for column in register_stocks %}
        cast(e.{{ column }} as double) as {{ column }},
        {%- endfor %}
        cast(k.n_online_monitoring as double) as n_online_monitoring,
        cast(k.n_enterprises as double) as n_enterprises,
        cast(k.heavy_industry_total_t as double) as heavy_industry_total_t,
        cast(k.total_t as double) as total_t,
        cast(k.heavy_industry_share_pct as double) as heavy_industry_share_pct,
        -- 名录中有“约/余”排放量时占比基于近似值
        cast(case when k.n_enterprises_with_approx_values > 0 then 'approx_inputs' end as varchar)
            as heavy_industry_share_qualifier
    from enforcement_values as e
    left join key_enterprise_years as k
        on e.year = k.year
        and e.area = {{ city_label() }}

)

select * from final
