-- 全市 × 年初至月末期间的林业指标：流量为各区县之和；种数、保护地个数按期间去重；
-- 废弃非煤矿山生态修复率为截至期末的存量比率；森林覆盖率取期间所在年度的森林资源统计。
-- 比率均同时存储分子与分母。
with

district_periods as (

    select * from {{ ref('fct_forestry_district_period') }}

),

rescues as (

    select * from {{ ref('stg_forestry__wildlife_rescue') }}

),

inspections as (

    select * from {{ ref('stg_forestry__protected_area_inspections') }}

),

mine_projects as (

    select * from {{ ref('fct_mine_restoration') }}

),

mines as (

    select * from {{ ref('stg_forestry__abandoned_mines') }}

),

resources as (

    select * from {{ ref('fct_forest_resources') }}

),

city as (

    {{ period_city_totals(
        'district_periods', forestry_metric_columns(),
        key_columns=['year', 'end_month', 'period_start', 'period_end']
    ) }}

),

distinct_counts as (

    select
        c.year,
        c.end_month,
        cast(count(distinct r.species) filter (where r.animals_rescued > 0) as bigint)
            as wildlife_species_rescued,
        cast(count(distinct i.site_code) as bigint) as protected_areas_inspected
    from city as c
    left join rescues as r
        on r.received_on between c.period_start and c.period_end
    left join inspections as i
        on i.inspected_on between c.period_start and c.period_end
    group by all

),

non_coal_listed as (

    select
        cast(count(*) as bigint) as non_coal_mines_listed,
        cast(coalesce(sum(listed_area_ha), 0) as double) as non_coal_listed_area_ha
    from mines
    where is_non_coal

),

mine_stock as (

    select
        c.year,
        c.end_month,
        cast(count(distinct p.mine_code) as bigint) as non_coal_mines_restored,
        cast(coalesce(sum(p.restored_area_ha), 0) as double) as non_coal_restored_area_ha
    from city as c
    left join mine_projects as p
        on p.is_non_coal_abandoned_mine
        and p.is_completed
        and c.period_end >= p.completed_on
    group by all

),

coverage as (

    select
        year,
        sum(land_area_ha) as land_area_ha,
        sum(forest_area_ha) as forest_area_ha,
        sum(growing_stock_m3) as growing_stock_m3
    from resources
    group by year

),

joined as (

    select
        c.*,
        d.wildlife_species_rescued,
        d.protected_areas_inspected,
        s.non_coal_mines_restored,
        l.non_coal_mines_listed,
        s.non_coal_restored_area_ha,
        l.non_coal_listed_area_ha,
        v.land_area_ha,
        v.forest_area_ha,
        v.growing_stock_m3,
        v.forest_area_ha * 100 / nullif(v.land_area_ha, 0) as coverage_pct,
        p.forest_area_ha * 100 / nullif(p.land_area_ha, 0) as coverage_pct_prev_year
    from city as c
    inner join distinct_counts as d
        on c.year = d.year and c.end_month = d.end_month
    inner join mine_stock as s
        on c.year = s.year and c.end_month = s.end_month
    cross join non_coal_listed as l
    left join coverage as v
        on c.year = v.year
    left join coverage as p
        on p.year = c.year - 1

),

final as (

    select
        j.*,
        j.non_coal_restored_area_ha
        * 100
        / nullif(j.non_coal_listed_area_ha, 0) as abandoned_mine_restoration_rate_pct,
        {{ forestry_rescue_rates('j') }},
        j.coverage_pct - j.coverage_pct_prev_year as coverage_change_pp,
        (j.afforestation_mu - prev.afforestation_mu)
        * 100
        / nullif(prev.afforestation_mu, 0) as afforestation_mu_yoy_pct
    from joined as j
    {{ period_prior_year_join('city', 'prev', 'j') }}

)

select * from final
