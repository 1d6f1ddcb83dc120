-- 林业指标的地区 × 期间（契约表）：area = 城市（全市，取 fct_forestry_period）或区县（fct_forestry_district_period 与
-- fct_forest_resources），期间为林业来源报送覆盖的月末（fct_submission_completeness 中林业来源的月份）。
-- 集市的期间网格是“事件出现过的年份 × 1–12 月”，含台账旧记录的年份和尚未到来的月份，这里只留有报送的月末。
-- 只有全市才有的值（去重计数、名录修复率）在区县行为空；森林资源统计按年度，当年每个截止月取同一值，
-- 当年没有统计时 is_resources_complete 为空（无从判断，覆盖率、蓄积量不出值）。
with

city_periods as (

    select * from {{ ref('fct_forestry_period') }}

),

district_periods as (

    select * from {{ ref('fct_forestry_district_period') }}

),

resources as (

    select * from {{ ref('fct_forest_resources') }}

),

districts as (

    select * from {{ ref('districts') }}

),

submission_months as (

    select * from {{ ref('fct_submission_completeness') }}

),

periods as (

    {{ period_end_months({'submission_months': 'month'}, where="domain = 'forestry'") }}

),

district_grid as (

    {{ period_district_grid('periods', ['year', 'end_month']) }}

),

-- 森林资源统计：区县个数等于区县名录个数才算完整（全市覆盖率、蓄积量为各区县之和）
resource_years as (

    select
        year,
        count(distinct district) = (select count(*) as n_districts from districts) as is_complete
    from resources
    group by year

),

city_rows as (

    select
        {{ period_city_keys('c') }},
        {{ qualified_columns('c', forestry_metric_columns()) }}
        c.protected_areas_inspected,
        c.wildlife_species_rescued,
        c.wildlife_rescue_rate_pct,
        c.wildlife_survival_rate_pct,
        c.non_coal_restored_area_ha,
        c.non_coal_listed_area_ha,
        c.abandoned_mine_restoration_rate_pct,
        c.forest_area_ha,
        c.land_area_ha,
        c.coverage_pct,
        c.growing_stock_m3,
        y.is_complete as is_resources_complete
    from city_periods as c
    inner join periods using (year, end_month)
    left join resource_years as y
        on c.year = y.year

),

district_rows as (

    select
        d.district as area,
        d.year,
        d.end_month,
        {{ qualified_columns('g', forestry_metric_columns()) }}
        cast(null as bigint) as protected_areas_inspected,
        cast(null as bigint) as wildlife_species_rescued,
        g.wildlife_rescue_rate_pct,
        g.wildlife_survival_rate_pct,
        cast(null as double) as non_coal_restored_area_ha,
        cast(null as double) as non_coal_listed_area_ha,
        cast(null as double) as abandoned_mine_restoration_rate_pct,
        r.forest_area_ha,
        r.land_area_ha,
        r.coverage_pct,
        r.growing_stock_m3,
        case when r.district is not null then true end as is_resources_complete
    from district_grid as d
    left join district_periods as g using (district, year, end_month)
    left join resources as r using (district, year)

),

final as (

    select * from city_rows
    union all
    select * from district_rows

)

select * from final
