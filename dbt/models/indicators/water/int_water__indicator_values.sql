-- 水领域指标取数（长表）：指标 × 地区（城市 = 全市；或区县）× 年初至各月末期间。指标编码与口径见种子 indicators。
-- 截止月取水领域月报（地表水断面监测汇总、城市污水管网月报）中出现过的全部月份。
-- 断面水质与饮用水水源取集市的时段行（年初至截止月）；排污口整治为截止月末存量（各区县取截止月或之前最近一个月的进度）；
-- 污水管网为1月至截止月“本月”数之和，黑臭水体为截止月存量；风险隐患排查、中央资金、扩建新增能力按台账日期落在期间内计数。
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

-- 集市 fct_wastewater_plants 按年汇总扩建新增能力；年内截止月需要逐项目的完工日期（同一口径：扩建、按完工日期）
plant_projects as (

    select * from {{ ref('stg_water__wwtp_projects') }}

),

funds as (

    select * from {{ ref('fct_water_funds') }}

),

{%- set quality_levels = {'national': '国考', 'provincial': '省考'} %}
{%- set drinking_flows = {
    'water.micro_stations_new': 'n_micro_stations_new',
    'water.micro_stations_moved': 'n_micro_stations_moved',
    'water.micro_stations_reused': 'n_micro_stations_reused',
    'water.sources_revoked': 'n_county_sources_revoked',
    'water.township_sources_merged': 'n_township_sources_merged'} %}
{%- set outfall_stocks = {
    'water.outfall_signs': 'n_signs_erected',
    'water.outfalls_monitored': 'n_monitored',
    'water.outfall_plans': 'n_plans_written',
    'water.outfalls_remediated': 'n_remediated'} %}
{%- set sewer_flows = {
    'water.sewer_surveyed_km': 'surveyed_km_month',
    'water.sewer_defects_fixed': 'defects_fixed_month',
    'water.mixed_connections_fixed': 'cross_connections_fixed_month',
    'water.sewer_new_km': 'new_km_month',
    'water.sewer_dredged_km': 'dredged_km_month'} %}
{%- set risk_flows = {
    'water.risk_enterprise_checks': 'n_enterprise_checks',
    'water.risk_hazards_found': 'hazards_found',
    'water.risk_hazards_fixed': 'hazards_rectified',
    'water.risk_cases_filed': 'n_cases_filed'} %}

periods as (

    select distinct
        year,
        end_month
    from quality
    union
    select distinct
        year,
        month
    from sewer

),

period_bounds as (

    select
        year,
        end_month,
        make_date(year, 1, 1) as period_start,
        cast(last_day(make_date(year, end_month, 1)) as date) as period_end
    from periods

),

-- 断面水质：考核级别时段汇总（国考、省考），参评断面数等于名录断面数才算完整
quality_values as (

    {%- for key, level in quality_levels.items() %}
    select
        'water.{{ key }}_sections' as indicator_code,
        '城市' as area,
        q.year,
        q.end_month,
        cast(q.n_sections_evaluated as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        q.n_sections_evaluated = q.n_sections_in_register as is_complete
    from quality as q
    inner join periods as p
        on q.year = p.year
        and q.end_month = p.end_month
    where q.assessment_level = '{{ level }}'

    union all

    select
        'water.{{ key }}_good_ratio' as indicator_code,
        '城市' as area,
        q.year,
        q.end_month,
        cast(q.good_ratio_pct as double) as value,
        cast(q.n_sections_good as double) as numerator,
        cast(q.n_sections_evaluated as double) as denominator,
        q.n_sections_evaluated = q.n_sections_in_register as is_complete
    from quality as q
    inner join periods as p
        on q.year = p.year
        and q.end_month = p.end_month
    where q.assessment_level = '{{ level }}'

    union all

    select
        'water.{{ key }}_compliance_rate' as indicator_code,
        '城市' as area,
        q.year,
        q.end_month,
        cast(q.compliance_rate_pct as double) as value,
        cast(q.n_sections_meeting_target as double) as numerator,
        cast(q.n_sections_with_target as double) as denominator,
        q.n_sections_evaluated = q.n_sections_in_register as is_complete
    from quality as q
    inner join periods as p
        on q.year = p.year
        and q.end_month = p.end_month
    where q.assessment_level = '{{ level }}'
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

-- 饮用水水源：达标比例（分母 = 时段内有监测结果的县级及以上水源地）；撤销、整并、微站为时段内按日期计数
drinking_values as (

    select
        'water.drinking_sources_ok_ratio' as indicator_code,
        '城市' as area,
        d.year,
        d.end_month,
        cast(d.ok_ratio_pct as double) as value,
        cast(d.n_sources_ok as double) as numerator,
        cast(d.n_sources_monitored as double) as denominator,
        true as is_complete
    from drinking as d
    inner join periods as p
        on d.year = p.year
        and d.end_month = p.end_month
    where d.n_sources_monitored > 0
    {%- for code, column in drinking_flows.items() %}
    union all
    select
        '{{ code }}' as indicator_code,
        '城市' as area,
        d.year,
        d.end_month,
        cast(d.{{ column }} as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        true as is_complete
    from drinking as d
    inner join periods as p
        on d.year = p.year
        and d.end_month = p.end_month
    {%- endfor %}

),

-- 排污口整治进度：各区县取截止月或之前最近一个月的集市行（台账截至月末的存量），全市为各区县之和
outfall_districts as (

    select
        b.year,
        b.end_month,
        o.district,
        o.n_outfalls,
    {%- for column in outfall_stocks.values() %}
    o.{{ column }}{{ ',' if not loop.last }}
    {%- endfor %}
    from period_bounds as b
    inner join outfalls as o
        on b.period_end >= o.month_end
    qualify row_number() over (partition by b.year, b.end_month, o.district order by o.month_end desc) = 1

),

outfall_values as (

    {%- for code, column in outfall_stocks.items() %}
    select
        '{{ code }}' as indicator_code,
        coalesce(district, '城市') as area,
        year,
        end_month,
        cast(sum({{ column }}) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        true as is_complete
    from outfall_districts
    group by grouping sets ((year, end_month, district), (year, end_month))
    union all
    {%- endfor %}
    select
        'water.outfall_remediation_ratio' as indicator_code,
        coalesce(district, '城市') as area,
        year,
        end_month,
        100.0 * sum(n_remediated) / nullif(sum(n_outfalls), 0) as value,
        cast(sum(n_remediated) as double) as numerator,
        cast(sum(n_outfalls) as double) as denominator,
        true as is_complete
    from outfall_districts
    group by grouping sets ((year, end_month, district), (year, end_month))

),

-- 污水管网月报：1月至截止月“本月”数之和（区县行与全市行）；任一区县某月未报送即不完整；新建管网含“约”数时标 approx_inputs
sewer_values as (

    {%- for code, column in sewer_flows.items() %}
    select
        '{{ code }}' as indicator_code,
        coalesce(s.district, '城市') as area,
        p.year,
        p.end_month,
        cast(sum(s.{{ column }}) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        {%- if column == 'new_km_month' %}
        case when bool_or(s.new_km_month_qualifier is not null) then 'approx_inputs' end as qualifier,
        {%- else %}
        cast(null as varchar) as qualifier,
        {%- endif %}
        bool_and(s.is_submitted) and count(distinct s.month) = p.end_month as is_complete
    from periods as p
    inner join sewer as s
        on p.year = s.year
        and p.end_month >= s.month
    group by grouping sets ((p.year, p.end_month, s.district), (p.year, p.end_month))
    union all
    {%- endfor %}
    -- 建立长效监管机制的黑臭水体：截止月月报的存量
    select
        'water.urban_black_odorous_supervised' as indicator_code,
        coalesce(s.district, '城市') as area,
        p.year,
        p.end_month,
        cast(sum(s.black_odorous_supervised) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        cast(null as varchar) as qualifier,
        bool_and(s.is_submitted) as is_complete
    from periods as p
    inner join sewer as s
        on p.year = s.year
        and p.end_month = s.month
    group by grouping sets ((p.year, p.end_month, s.district), (p.year, p.end_month))

),

-- 风险隐患专项排查：排查家次、隐患按排查日期，立案按立案日期，1月至截止月之和；无排查的月份为 0
risk_districts as (

    select distinct district from risk

),

risk_values as (

    {%- for code, column in risk_flows.items() %}
    select
        '{{ code }}' as indicator_code,
        coalesce(d.district, '城市') as area,
        p.year,
        p.end_month,
        cast(coalesce(sum(r.{{ column }}), 0) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        true as is_complete
    from periods as p
    cross join risk_districts as d
    left join risk as r
        on d.district = r.district
        and p.year = r.year
        and p.end_month >= r.month
    group by grouping sets ((p.year, p.end_month, d.district), (p.year, p.end_month))
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

-- 污水处理厂扩建新增处理能力：完工日期在当年1月1日至截止月末的扩建项目（与 fct_wastewater_plants 同口径，按月截止）
plant_districts as (

    select distinct
        plant_code,
        district
    from plants

),

wwtp_values as (

    select
        'water.wwtp_capacity_added' as indicator_code,
        coalesce(d.district, '城市') as area,
        b.year,
        b.end_month,
        cast(coalesce(sum(j.capacity_added_t_per_day), 0) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        true as is_complete
    from period_bounds as b
    cross join plant_districts as d
    left join plant_projects as j
        on d.plant_code = j.plant_code
        and j.project_type = '扩建'
        and j.completed_on between b.period_start and b.period_end
    group by grouping sets ((b.year, b.end_month, d.district), (b.year, b.end_month))

),

-- 中央水污染防治资金：下达日期在当年1月1日至截止月末的项目金额之和；含“约”数金额时标 approx_inputs
fund_districts as (

    select distinct district from funds
    where district is not null

),

fund_values as (

    select
        'water.central_funds' as indicator_code,
        '城市' as area,
        b.year,
        b.end_month,
        cast(coalesce(sum(f.amount_yuan), 0) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        case when bool_or(f.amount_qualifier is not null) then 'approx_inputs' end as qualifier,
        true as is_complete
    from period_bounds as b
    left join funds as f
        on f.fund_type = '中央水污染防治资金'
        and f.issued_on between b.period_start and b.period_end
    group by b.year, b.end_month

    union all

    select
        'water.central_funds' as indicator_code,
        d.district as area,
        b.year,
        b.end_month,
        cast(coalesce(sum(f.amount_yuan), 0) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        case when bool_or(f.amount_qualifier is not null) then 'approx_inputs' end as qualifier,
        true as is_complete
    from period_bounds as b
    cross join fund_districts as d
    left join funds as f
        on d.district = f.district
        and f.fund_type = '中央水污染防治资金'
        and f.issued_on between b.period_start and b.period_end
    group by b.year, b.end_month, d.district

),

final as (

    select
        indicator_code,
        area,
        year,
        end_month,
        value,
        numerator,
        denominator,
        cast(null as varchar) as qualifier,
        is_complete
    from quality_values
    union all
    select
        indicator_code,
        area,
        year,
        end_month,
        value,
        numerator,
        denominator,
        cast(null as varchar) as qualifier,
        is_complete
    from drinking_values
    union all
    select
        indicator_code,
        area,
        year,
        end_month,
        value,
        numerator,
        denominator,
        cast(null as varchar) as qualifier,
        is_complete
    from outfall_values
    union all
    select
        indicator_code,
        area,
        year,
        end_month,
        value,
        numerator,
        denominator,
        qualifier,
        is_complete
    from sewer_values
    union all
    select
        indicator_code,
        area,
        year,
        end_month,
        value,
        numerator,
        denominator,
        cast(null as varchar) as qualifier,
        is_complete
    from risk_values
    union all
    select
        indicator_code,
        area,
        year,
        end_month,
        value,
        numerator,
        denominator,
        cast(null as varchar) as qualifier,
        is_complete
    from wwtp_values
    union all
    select
        indicator_code,
        area,
        year,
        end_month,
        value,
        numerator,
        denominator,
        qualifier,
        is_complete
    from fund_values

)

select
    cast(indicator_code as varchar) as indicator_code,
    cast(area as varchar) as area,
    cast(year as integer) as year,
    cast(end_month as integer) as end_month,
    value,
    numerator,
    denominator,
    qualifier,
    coalesce(is_complete, false) as is_complete
from final
