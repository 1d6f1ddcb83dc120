-- 水领域指标的地区 × 期间（契约表）：area = 城市（全市）或区县；截止月取水领域月报（地表水断面监测汇总、城市污水管网
-- 月报）中出现过的全部月份。断面水质与饮用水水源只有全市行（集市的时段行）；排污口整治为截止月末存量（各区县取截止月
-- 或之前最近一个月的进度）；污水管网为1月至截止月“本月”数之和，黑臭水体为截止月存量；风险隐患排查、扩建新增能力、
-- 中央资金按台账日期落在期间内计。全市行为各区县之和（中央资金的全市行另含未分区县的项目）。
{%- set quality_levels = {'national': '国考', 'provincial': '省考'} %}
{%- set quality_columns = [
    'n_sections_evaluated', 'n_sections_good', 'good_ratio_pct',
    'n_sections_with_target', 'n_sections_meeting_target', 'compliance_rate_pct'] %}
{%- set drinking_columns = [
    'n_sources_monitored', 'n_sources_ok', 'ok_ratio_pct', 'n_micro_stations_new',
    'n_micro_stations_moved', 'n_micro_stations_reused', 'n_county_sources_revoked',
    'n_township_sources_merged'] %}
{%- set outfall_stocks = [
    'n_outfalls', 'n_signs_erected', 'n_monitored', 'n_plans_written', 'n_remediated'] %}
{%- set sewer_flows = ['surveyed_km', 'defects_fixed', 'cross_connections_fixed', 'new_km', 'dredged_km'] %}
{%- set risk_flows = ['n_enterprise_checks', 'hazards_found', 'hazards_rectified', 'n_cases_filed'] %}
{%- set quality_level_columns = [] %}
{%- for key in quality_levels %}
{%- for column in quality_columns + ['is_register_complete'] %}
{%- do quality_level_columns.append(key ~ '_' ~ column) %}
{%- endfor %}
{%- endfor %}
{%- set area_parts = {
    'quality_values': quality_level_columns,
    'drinking_values': drinking_columns,
    'outfall_values': outfall_stocks + ['remediation_ratio_pct'],
    'sewer_values': sewer_flows + ['new_km_qualifier', 'is_sewer_complete'],
    'sewer_stock_values': ['black_odorous_supervised', 'is_sewer_month_submitted'],
    'risk_values': risk_flows,
    'wwtp_values': ['capacity_added_by_expansions_t_per_day'],
    'fund_values': ['central_funds_yuan', 'central_funds_qualifier']} %}
with

quality as (

    select * from {{ ref('fct_water_quality_summary') }}

),

drinking as (

    select * from {{ ref('fct_drinking_water_sources') }}

),

outfalls as (

    select * from {{ ref('fct_outfall_remediation') }}

),

sewer as (

    select * from {{ ref('fct_urban_sewer_works') }}

),

risk as (

    select * from {{ ref('fct_water_risk_survey') }}

),

plants as (

    select * from {{ ref('fct_wastewater_plants') }}

),

-- fct_wastewater_plants 按年汇总扩建新增能力；年内截止月需要逐项目的完工日期（同一口径，宏 wwtp_adds_capacity）
plant_projects as (

    select * from {{ ref('stg_water__wwtp_projects') }}

),

funds as (

    select * from {{ ref('fct_water_funds') }}

),

periods as (

    {{ period_end_months({'quality': 'end_month', 'sewer': 'month'}, with_bounds=true) }}

),

-- 断面水质：考核级别（国考、省考）的时段汇总，参评断面数等于名录断面数才算完整
quality_values as (

    select
        {%- for key, level in quality_levels.items() %}
        {%- for column in quality_columns %}
        cast(any_value(q.{{ column }}) filter (where q.assessment_level = '{{ level }}') as double)
            as {{ key }}_{{ column }},
        {%- endfor %}
        bool_and(q.n_sections_evaluated = q.n_sections_in_register) filter (
            where q.assessment_level = '{{ level }}'
        ) as {{ key }}_is_register_complete,
        {%- endfor %}
        {{ period_city_keys('q') }}
    from quality as q
    inner join periods using (year, end_month)
    group by q.year, q.end_month

),

drinking_values as (

    select
        {%- for column in drinking_columns %}
        cast(d.{{ column }} as double) as {{ column }},
        {%- endfor %}
        {{ period_city_keys('d') }}
    from drinking as d
    inner join periods using (year, end_month)

),

-- 排污口整治进度：各区县取截止月或之前最近一个月的集市行（台账截至月末的存量），全市为各区县之和，比例由和计算
outfall_districts as (

    select
        {{ qualified_columns('o', outfall_stocks) }}
        b.year,
        b.end_month,
        o.district
    from periods as b
    inner join outfalls as o
        on b.period_end >= o.month_end
    qualify row_number() over (partition by b.year, b.end_month, o.district order by o.month_end desc) = 1

),

outfall_values as (

    select
        {{ period_area_sums('o', 'o', outfall_stocks) }},
        100.0 * sum(o.n_remediated) / nullif(sum(o.n_outfalls), 0) as remediation_ratio_pct
    from outfall_districts as o
    {{ period_group_by_area('o.district', ['o.year', 'o.end_month']) }}

),

-- 污水管网月报：1月至截止月“本月”数之和；任一区县某月未报送即不完整；新建管网含“约”数时标 approx_inputs
sewer_values as (

    {% call period_area_ytd('sewer', 's', sewer_flows, suffix='_month') %}
        case when bool_or(s.new_km_month_qualifier is not null) then 'approx_inputs' end as new_km_qualifier,
        bool_and(s.is_submitted) and count(distinct s.month) = p.end_month as is_sewer_complete
    {% endcall %}

),

-- 建立长效监管机制的黑臭水体：截止月月报的存量
sewer_stock_values as (

    select
        {{ period_area('s.district') }},
        p.year,
        p.end_month,
        cast(sum(s.black_odorous_supervised) as double) as black_odorous_supervised,
        bool_and(s.is_submitted) as is_sewer_month_submitted
    from periods as p
    inner join sewer as s
        on p.year = s.year
        and p.end_month = s.month
    {{ period_group_by_area('s.district', ['p.year', 'p.end_month']) }}

),

-- 风险隐患专项排查：排查家次、隐患按排查日期，立案按立案日期，1月至截止月之和；无排查的月份为 0
risk_districts as (

    select distinct district from risk

),

risk_values as (

    select
        {%- for column in risk_flows %}
        cast(coalesce(sum(r.{{ column }}), 0) as double) as {{ column }},
        {%- endfor %}
        {{ period_area('d.district') }},
        p.year,
        p.end_month
    from periods as p
    cross join risk_districts as d
    left join risk as r
        on d.district = r.district
        and p.year = r.year
        and p.end_month >= r.month
    {{ period_group_by_area('d.district', ['p.year', 'p.end_month']) }}

),

-- 扩建新增处理能力：完工日期在当年1月1日至截止月末的扩建项目
plant_districts as (

    select distinct
        plant_code,
        district
    from plants

),

wwtp_values as (

    select
        {{ period_area('d.district') }},
        b.year,
        b.end_month,
        cast(coalesce(sum(j.capacity_added_t_per_day), 0) as double)
            as capacity_added_by_expansions_t_per_day
    from periods as b
    cross join plant_districts as d
    left join plant_projects as j
        on d.plant_code = j.plant_code
        and {{ wwtp_adds_capacity('j') }}
        and j.completed_on between b.period_start and b.period_end
    {{ period_group_by_area('d.district', ['b.year', 'b.end_month']) }}

),

-- 中央水污染防治资金：下达日期在当年1月1日至截止月末的项目金额之和；含“约”数金额时标 approx_inputs。
-- 全市行含未分区县的项目，区县行为登记了区县的各区县（无项目为 0）
central_funds as (

    select * from funds
    where fund_type = '中央水污染防治资金'

),

fund_districts as (

    select distinct district from funds
    where district is not null

),

fund_areas as (

    select
        district as area,
        district
    from fund_districts
    union all
    select
        {{ city_label() }} as area,
        cast(null as varchar) as district

),

fund_values as (

    select
        a.area,
        b.year,
        b.end_month,
        cast(coalesce(sum(f.amount_yuan), 0) as double) as central_funds_yuan,
        case when bool_or(f.amount_qualifier is not null) then 'approx_inputs' end as central_funds_qualifier
    from periods as b
    cross join fund_areas as a
    left join central_funds as f
        on (a.district is null or a.district = f.district)
        and f.issued_on between b.period_start and b.period_end
    group by a.area, b.year, b.end_month

),

final as (

    {{ period_area_rows(area_parts) }}

)

select * from final
