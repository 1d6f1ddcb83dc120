-- 土壤与农村环境领域指标取数（长表）：指标 × 地区（城市 = 全市；或区县）× 年初至各月末期间。指标编码与口径见种子 indicators。
-- 全市值取 fct_soil_city_period（计数为区县之和，比率由全市分子分母重算，地块调查与培训为全市台账）；区县值取各区县集市
-- （地块调查由地块集市按所在区县、同一“开展”规则计）。期间只取土壤领域报送所覆盖的年份：自粪污月报（本领域唯一的
-- 定期报表）最早报送期所在年起；更早年份只有带日期的台账，流量与年度台账指标在那里没有数据，不产出 0 值。
with

city_periods as (

    select * from {{ ref('fct_soil_city_period') }}

),

district_periods as (

    select * from {{ ref('int_soil__district_periods') }}

),

plot_surveys as (

    select * from {{ ref('fct_soil_plot_surveys') }}

),

rural_sewage as (

    select * from {{ ref('fct_rural_sewage') }}

),

black_odorous_water as (

    select * from {{ ref('fct_rural_black_odorous_water') }}

),

livestock_manure as (

    select * from {{ ref('fct_livestock_manure') }}

),

hazardous_waste as (

    select * from {{ ref('fct_hazardous_waste_inspections') }}

),

rural_environment as (

    select * from {{ ref('fct_rural_environment') }}

),

-- 报送覆盖的年份：粪污月报最早报送期所在年起
first_reported_year as (

    select min(year) as first_year
    from livestock_manure
    where form_months_submitted > 0

),

-- 粪污月报：期内每月都已报送才算完整（区县行看本区县，全市行看全部区县）
manure_forms as (

    select
        district,
        year,
        end_month,
        form_months_submitted = end_month as is_form_complete
    from livestock_manure

),

{#- 指标编码 → 全市列（fct_soil_city_period）、区县集市与列；比率另给分子、分母列（全市与区县集市同名或分列） -#}
{%- set counts = [
    ('soil.rural_sewage_facilities_checked', 'sewage_facilities_newly_inspected', 'rural_sewage', 'facilities_newly_inspected'),
    ('soil.villages_sewage_done', 'villages_sewage_done_in_period', 'rural_sewage', 'villages_sewage_done_in_period'),
    ('soil.rural_black_odorous_done', 'water_bodies_treated_in_period', 'black_odorous_water', 'water_bodies_treated_in_period'),
    ('soil.livestock_farms_applied', 'subsidy_farms_applied', 'livestock_manure', 'subsidy_farms_applied'),
    ('soil.livestock_subsidy', 'subsidy_yuan', 'livestock_manure', 'subsidy_yuan'),
    ('soil.hazwaste_enterprises_checked', 'hazwaste_enterprises_checked', 'hazardous_waste', 'enterprises_checked'),
    ('soil.hazwaste_problems_found', 'hazwaste_problems_found', 'hazardous_waste', 'problems_found'),
    ('soil.rural_inspections', 'rural_unannounced_inspections', 'rural_environment', 'unannounced_inspections'),
    ('soil.rural_reward_funds', 'rural_reward_funds_yuan', 'rural_environment', 'reward_funds_yuan'),
    ('soil.hazwaste_cases', 'hazwaste_cases', 'hazardous_waste', 'violation_cases'),
] %}
{%- set rates = [
    ('soil.rural_sewage_treatment_rate', 'rural_sewage',
        'villages_sewage_done', 'villages_total', 'villages_sewage_done', 'villages_total'),
    ('soil.rural_black_odorous_elimination_rate', 'black_odorous_water',
        'water_bodies_eliminated', 'water_bodies_listed', 'water_bodies_eliminated', 'water_bodies_listed'),
    ('soil.manure_utilization_rate', 'livestock_manure',
        'manure_utilised_t', 'manure_produced_t', 'manure_utilised_t', 'manure_produced_t'),
    ('soil.scale_farm_equipment_rate', 'livestock_manure',
        'scale_farms_equipped', 'scale_farms', 'scale_farms_equipped', 'scale_farms'),
] %}
{%- set form_based = ['soil.manure_utilization_rate'] %}

-- 全市：计数、金额、地块调查、培训、示范点（最少的县市区）与比率（全市分子分母重算）
city_values as (

    {%- for code, city_column, _mart, _column in counts %}
    select
        '{{ code }}' as indicator_code,
        year,
        end_month,
        cast({{ city_column }} as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        cast(null as varchar) as qualifier
    from city_periods
    union all
    {%- endfor %}
    select
        'soil.plots_surveyed' as indicator_code,
        year,
        end_month,
        cast(plots_surveyed as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        cast(null as varchar) as qualifier
    from city_periods
    union all
    -- 培训人数含“余/约”时合计为下限，标为基于近似值
    select
        'soil.hazwaste_trainees' as indicator_code,
        year,
        end_month,
        cast(hazwaste_trainees as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        case when hazwaste_trainees_approximate then 'approx_inputs' end as qualifier
    from city_periods
    union all
    select
        'soil.fertilizer_demo_sites_min' as indicator_code,
        year,
        end_month,
        cast(demo_sites_min_county as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        cast(null as varchar) as qualifier
    from city_periods
    {%- for code, _mart, city_numerator, city_denominator, _n, _d in rates %}
    union all
    select
        '{{ code }}' as indicator_code,
        year,
        end_month,
        {{ soil_rate(city_numerator, city_denominator) }} as value,
        cast({{ city_numerator }} as double) as numerator,
        cast({{ city_denominator }} as double) as denominator,
        cast(null as varchar) as qualifier
    from city_periods
    {%- endfor %}

),

city_form_completeness as (

    select
        year,
        end_month,
        bool_and(is_form_complete) as is_form_complete
    from manure_forms
    group by year, end_month

),

city_rows as (

    select
        v.indicator_code,
        '城市' as area,
        v.year,
        v.end_month,
        v.value,
        v.numerator,
        v.denominator,
        v.qualifier,
        case
            when
                v.indicator_code in ({{ "'" ~ form_based | join("', '") ~ "'" }})
                then coalesce(f.is_form_complete, false)
            else true
        end as is_complete
    from city_values as v
    left join city_form_completeness as f
        on v.year = f.year
        and v.end_month = f.end_month

),

-- 区县地块调查：与全市同一“开展”规则（宏 soil_survey_active），按地块所在区县
district_plots as (

    select
        g.district,
        g.year,
        g.end_month,
        count(s.plot_code) filter (
            where {{ soil_survey_active(
                's.started_on', 's.report_completed_on', 'g.period_start', 'g.period_end'
            ) }}
        ) as plots_surveyed
    from district_periods as g
    left join plot_surveys as s
        on g.district = s.district
        and g.period_end >= s.started_on
    group by g.district, g.year, g.end_month

),

district_rows as (

    {%- for code, _city_column, mart, column in counts %}
    select
        '{{ code }}' as indicator_code,
        district as area,
        year,
        end_month,
        cast({{ column }} as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        true as is_complete
    from {{ mart }}
    union all
    {%- endfor %}
    select
        'soil.plots_surveyed' as indicator_code,
        district as area,
        year,
        end_month,
        cast(plots_surveyed as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        true as is_complete
    from district_plots
    union all
    -- “每个县市区”只含县市区（功能区不参与）：区县值为本县市区的示范点数
    select
        'soil.fertilizer_demo_sites_min' as indicator_code,
        district as area,
        year,
        end_month,
        cast(demo_sites as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        true as is_complete
    from livestock_manure
    where is_county_level
    {%- for code, mart, _cn, _cd, numerator, denominator in rates %}
    union all
    -- 分母为 0（该区县无此对象）时不产出比率行
    select
        '{{ code }}' as indicator_code,
        m.district as area,
        m.year,
        m.end_month,
        {{ soil_rate('m.' ~ numerator, 'm.' ~ denominator) }} as value,
        cast(m.{{ numerator }} as double) as numerator,
        cast(m.{{ denominator }} as double) as denominator,
        {%- if code in form_based %}
        coalesce(f.is_form_complete, false) as is_complete
        {%- else %}
        true as is_complete
        {%- endif %}
    from {{ mart }} as m
    {% if code in form_based -%}
    left join manure_forms as f
        on m.district = f.district
        and m.year = f.year
        and m.end_month = f.end_month
    {% endif -%}
    where m.{{ denominator }} > 0
    {%- endfor %}

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
        qualifier,
        is_complete
    from city_rows
    where
        indicator_code not in ({{ "'" ~ (rates | map(attribute=0) | join("', '")) ~ "'" }})
        or denominator > 0
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
    from district_rows

)

select
    cast(f.indicator_code as varchar) as indicator_code,
    cast(f.area as varchar) as area,
    cast(f.year as integer) as year,
    cast(f.end_month as integer) as end_month,
    cast(f.value as double) as value,
    f.numerator,
    f.denominator,
    cast(f.qualifier as varchar) as qualifier,
    coalesce(f.is_complete, false) as is_complete
from final as f
cross join first_reported_year as r
where f.year >= r.first_year
