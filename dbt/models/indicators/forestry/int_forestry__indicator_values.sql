-- 林业与生态修复领域指标取数（长表）：指标 × 地区（城市 = 全市；或区县）× 年初至各月末期间。指标编码与口径见种子 indicators。
-- 全市值取自 fct_forestry_period；区县值取自 fct_forestry_district_period（流量、救护率、成活率）与 fct_forest_resources
-- （森林覆盖率、蓄积量）。期间只取有数据的月末：林业来源在 fct_submission_completeness 中的月份（收件箱的报送期范围）。
-- 台账均逐条带日期，流量为期间内按记录日期之和；修复率为截至期末的存量比率；覆盖率、蓄积量按年度，当年每个截止月取同一值。
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

{%- set flows = {
    'forest.mine_projects_done': 'mine_projects_done',
    'forest.mine_restored_mu': 'mine_restored_mu',
    'forest.active_mine_restored_mu': 'active_mine_restored_mu',
    'forest.afforestation_mu': 'afforestation_mu',
    'forest.tending_mu': 'tending_mu',
    'forest.degraded_restored_mu': 'degraded_restored_mu',
    'forest.reserve_land_ha': 'reserve_land_ha',
    'forest.land_use_approved_ha': 'land_use_approved_ha',
    'forest.protected_area_problems_fixed': 'problems_fixed',
    'forest.ancient_trees_tagged': 'trees_tagged',
    'forest.ancient_tree_subsidy': 'tree_repair_subsidy_yuan',
    'forest.wildlife_animals_rescued': 'animals_rescued',
    'forest.alligators_released': 'alligators_released'} %}
{%- set distinct_counts = {
    'forest.protected_areas_checked': 'protected_areas_inspected',
    'forest.wildlife_species_rescued': 'wildlife_species_rescued'} %}
{#- 比率：(值列, 分子列, 分母列)；区县行只取区县集市有分子分母的比率 #}
{%- set city_rates = {
    'forest.abandoned_mine_restoration_rate': ('abandoned_mine_restoration_rate_pct', 'non_coal_restored_area_ha', 'non_coal_listed_area_ha'),
    'forest.wildlife_rescue_rate': ('wildlife_rescue_rate_pct', 'animals_rescued', 'animals_reported'),
    'forest.wildlife_survival_rate': ('wildlife_survival_rate_pct', 'animals_survived', 'animals_rescued'),
    'forest.coverage_rate': ('coverage_pct', 'forest_area_ha', 'land_area_ha')} %}
{%- set district_rates = {
    'forest.wildlife_rescue_rate': ('animals_rescued', 'animals_reported'),
    'forest.wildlife_survival_rate': ('animals_survived', 'animals_rescued')} %}

-- 有数据的月末：林业各来源在报送完整性表中出现的月份（收件箱月报的报送期范围，样例为 2022-01 至 2023-11）。
-- 集市的期间网格是“事件出现过的年份 × 1–12 月”，含台账旧记录的年份和尚未到来的月份，不直接使用。
periods as (

    select distinct
        year,
        month as end_month
    from submission_months
    where domain = 'forestry'

),

city as (

    select c.*
    from city_periods as c
    inner join periods as p
        on c.year = p.year
        and c.end_month = p.end_month

),

district as (

    select d.*
    from district_periods as d
    inner join periods as p
        on d.year = p.year
        and d.end_month = p.end_month

),

-- 森林资源统计：区县个数等于区县名录个数才算完整（全市覆盖率、蓄积量为各区县之和）
resource_years as (

    select
        r.year,
        count(distinct r.district) = (select count(*) as n_districts from districts) as is_complete
    from resources as r
    group by r.year

),

city_values as (

    {%- for code, column in flows.items() %}
    select
        '{{ code }}' as indicator_code,
        '城市' as area,
        year,
        end_month,
        cast({{ column }} as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        true as is_complete
    from city
    union all
    {%- endfor %}
    {%- for code, column in distinct_counts.items() %}
    select
        '{{ code }}' as indicator_code,
        '城市' as area,
        year,
        end_month,
        cast({{ column }} as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        true as is_complete
    from city
    union all
    {%- endfor %}
    {%- for code, (column, num, den) in city_rates.items() %}
    select
        '{{ code }}' as indicator_code,
        '城市' as area,
        c.year,
        c.end_month,
        cast(c.{{ column }} as double) as value,
        cast(c.{{ num }} as double) as numerator,
        cast(c.{{ den }} as double) as denominator,
        {%- if code == 'forest.coverage_rate' %}
        coalesce(y.is_complete, false) as is_complete
        {%- else %}
        true as is_complete
        {%- endif %}
    from city as c
    {% if code == 'forest.coverage_rate' -%}
    left join resource_years as y
        on c.year = y.year
    {% endif -%}
    union all
    {%- endfor %}
    select
        'forest.growing_stock' as indicator_code,
        '城市' as area,
        c.year,
        c.end_month,
        cast(c.growing_stock_m3 as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        coalesce(y.is_complete, false) as is_complete
    from city as c
    left join resource_years as y
        on c.year = y.year

),

district_values as (

    {%- for code, column in flows.items() %}
    select
        '{{ code }}' as indicator_code,
        district as area,
        year,
        end_month,
        cast({{ column }} as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        true as is_complete
    from district
    union all
    {%- endfor %}
    {%- for code, (num, den) in district_rates.items() %}
    select
        '{{ code }}' as indicator_code,
        district as area,
        year,
        end_month,
        cast({{ num }} * 100.0 / nullif({{ den }}, 0) as double) as value,
        cast({{ num }} as double) as numerator,
        cast({{ den }} as double) as denominator,
        true as is_complete
    from district
    union all
    {%- endfor %}
    select
        'forest.coverage_rate' as indicator_code,
        r.district as area,
        p.year,
        p.end_month,
        cast(r.coverage_pct as double) as value,
        cast(r.forest_area_ha as double) as numerator,
        cast(r.land_area_ha as double) as denominator,
        true as is_complete
    from periods as p
    inner join resources as r
        on p.year = r.year

    union all

    select
        'forest.growing_stock' as indicator_code,
        r.district as area,
        p.year,
        p.end_month,
        cast(r.growing_stock_m3 as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        true as is_complete
    from periods as p
    inner join resources as r
        on p.year = r.year

),

final as (

    select * from city_values
    union all
    select * from district_values

)

-- 比率分母为 0（期间内无接报、无救护）或当年无森林资源统计时无值，不出行
select
    cast(indicator_code as varchar) as indicator_code,
    cast(area as varchar) as area,
    cast(year as integer) as year,
    cast(end_month as integer) as end_month,
    value,
    numerator,
    denominator,
    cast(null as varchar) as qualifier,
    coalesce(is_complete, false) as is_complete
from final
where value is not null
