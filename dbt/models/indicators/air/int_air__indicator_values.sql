-- 大气领域指标取数（长表）：指标 × 地区（城市 = 全市；或区县）× 年初至各月末期间。指标编码与口径见种子 indicators。
-- 空气质量取自期间统计集市的 ytd 行（城市 fct_air_quality_period，区县 fct_air_quality_district_period），只取发布口径；
-- 执法月报类为“本月”数的年内累加，台账类为截止月末的存量；重点企业名录按年度，对当年每个截止月取同一值。
with

quality_all_bases as (

    select * from {{ ref('fct_air_quality_period') }}
    where period_kind = 'ytd'

),

-- the indicators read the published assessment basis only (air_published_basis), one row per period
quality_ytd as (

    select * from quality_all_bases
    where is_published_basis

),

district_quality_ytd as (

    select * from {{ ref('fct_air_quality_district_period') }}
    where period_kind = 'ytd' and is_published_basis

),

enforcement as (

    select * from {{ ref('fct_air_enforcement') }}

),

key_enterprises as (

    select * from {{ ref('fct_key_enterprise_emissions') }}

),

{%- set quality_statistics = {
    'air.pm25_mean': 'pm25_mean', 'air.pm10_mean': 'pm10_mean', 'air.so2_mean': 'so2_mean',
    'air.no2_mean': 'no2_mean', 'air.co_p95': 'co_p95', 'air.o3_p90': 'o3_mda8_p90',
    'air.composite_index': 'composite_index'} %}
{#- the pollutants whose GB 3095 Table 4 completeness a statistic rests on (the composite index: all six) -#}
{%- set statistic_pollutants = {
    'air.pm25_mean': ['pm25'], 'air.pm10_mean': ['pm10'], 'air.so2_mean': ['so2'], 'air.no2_mean': ['no2'],
    'air.co_p95': ['co'], 'air.o3_p90': ['o3'],
    'air.composite_index': ['so2', 'no2', 'co', 'o3', 'pm10', 'pm25']} %}
{%- set enforcement_flows = {
    'air.enterprises_verified': 'enterprises_verified_month',
    'air.inspection_staff_times': 'inspection_staff_times_month',
    'air.inspection_enterprises': 'inspection_enterprises_month',
    'air.vocs_projects_done': 'vocs_projects_done_month',
    'air.old_diesel_trucks_retired': 'diesel_trucks_retired_month',
    'air.diesel_remote_monitors': 'remote_monitors_installed_month',
    'air.vehicles_blacklisted': 'vehicles_blacklisted_month',
    'air.vehicles_exposed': 'vehicles_exposed_month'} %}
{%- set register_stocks = {
    'air.cement_lines_compliant': 'cement_lines_compliant',
    'air.nonroad_machinery_registered': 'nonroad_machinery_registered_cumulative',
    'air.vehicles_over_limit_punished': 'vehicles_punished_cumulative'} %}

-- 期间内每天都有城市日值才算输入完整（缺日会使年初至今的均值与比例偏移）；期间含本市发布 AQI 之前按 2012 规则
-- 回算的日子时 qualifier = retrospective（按新标准回算）。上年同期取同一评价口径的行（上年按本期口径重算），
-- 浓度统计带 GB 3095 表4 的统计有效性与不满足的原因（优良天数比例不是浓度统计，为空）
city_quality as (

    {%- for code, column in quality_statistics.items() %}
    select
        '{{ code }}' as indicator_code,
        {{ city_label() }} as area,
        cur.year,
        cur.end_month,
        cast(cur.{{ column }} as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        case when cur.has_retrospective_days then 'retrospective' end as qualifier,
        cur.n_days = cur.n_calendar_days as is_complete,
        cur.assessment_basis,
        cast(ly.{{ column }} as double) as value_last_year_on_basis,
        {%- for p in statistic_pollutants[code] %}
        cur.{{ p }}_statistic_valid{{ ' and' if not loop.last }}
        {%- endfor %} as is_statistic_valid,
        nullif(concat_ws(
            '；'
            {%- for p in statistic_pollutants[code] %},
            cur.{{ p }}_statistic_invalid_reason
            {%- endfor %}
        ), '') as statistic_validity_note
    from quality_ytd as cur
    left join quality_all_bases as ly
        on ly.year = cur.year - 1
        and cur.end_month = ly.end_month
        and cur.assessment_basis = ly.assessment_basis
    union all
    {%- endfor %}
    select
        'air.good_days_ratio' as indicator_code,
        {{ city_label() }} as area,
        cur.year,
        cur.end_month,
        cast(cur.good_day_ratio as double) as value,
        cast(cur.good_days as double) as numerator,
        cast(cur.valid_days as double) as denominator,
        case when cur.has_retrospective_days then 'retrospective' end as qualifier,
        cur.n_days = cur.n_calendar_days as is_complete,
        cur.assessment_basis,
        cast(ly.good_day_ratio as double) as value_last_year_on_basis,
        cast(null as boolean) as is_statistic_valid,
        cast(null as varchar) as statistic_validity_note
    from quality_ytd as cur
    left join quality_all_bases as ly
        on ly.year = cur.year - 1
        and cur.end_month = ly.end_month
        and cur.assessment_basis = ly.assessment_basis

),

-- 区县值（PM2.5、优良天数比例）：区县期间集市的发布口径行，上年同期取该集市同一口径的值
district_quality as (

    select
        'air.pm25_mean' as indicator_code,
        district as area,
        year,
        end_month,
        pm25_mean as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        case when has_retrospective_days then 'retrospective' end as qualifier,
        true as is_complete,
        assessment_basis,
        pm25_mean_ly as value_last_year_on_basis
    from district_quality_ytd

    union all

    select
        'air.good_days_ratio' as indicator_code,
        district as area,
        year,
        end_month,
        good_day_ratio as value,
        cast(good_days as double) as numerator,
        cast(valid_days as double) as denominator,
        case when has_retrospective_days then 'retrospective' end as qualifier,
        true as is_complete,
        assessment_basis,
        good_day_ratio_ly as value_last_year_on_basis
    from district_quality_ytd

),

enforcement_periods as (

    select distinct
        year,
        month as end_month
    from enforcement

),

-- 月报流量：1月至截止月“本月”数之和；区县行与全市行（grouping sets）；任一区县某月未报送即不完整
enforcement_values as (

    {%- for code, column in enforcement_flows.items() %}
    select
        '{{ code }}' as indicator_code,
        coalesce(e.district, {{ city_label() }}) as area,
        p.year,
        p.end_month,
        cast(sum(e.{{ column }}) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        bool_and(e.is_submitted) as is_complete
    from enforcement_periods as p
    inner join enforcement as e
        on p.year = e.year
        and p.end_month >= e.month
    group by grouping sets ((p.year, p.end_month, e.district), (p.year, p.end_month))
    union all
    {%- endfor %}
    {%- for code, column in register_stocks.items() %}
    select
        '{{ code }}' as indicator_code,
        coalesce(e.district, {{ city_label() }}) as area,
        p.year,
        p.end_month,
        cast(sum(e.{{ column }}) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        true as is_complete
    from enforcement_periods as p
    inner join enforcement as e
        on p.year = e.year
        and p.end_month = e.month
    group by grouping sets ((p.year, p.end_month, e.district), (p.year, p.end_month))
    {{ 'union all' if not loop.last }}
    {%- endfor %}

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

-- 名录为年度存量：当年每个截止月取同一值；名录中有“约/余”排放量时占比标为基于近似值（approx_inputs）
key_enterprise_values as (

    select
        'air.key_enterprises_online' as indicator_code,
        {{ city_label() }} as area,
        p.year,
        p.end_month,
        cast(k.n_online_monitoring as double) as value,
        cast(k.n_online_monitoring as double) as numerator,
        cast(k.n_enterprises as double) as denominator,
        cast(null as varchar) as qualifier,
        true as is_complete
    from enforcement_periods as p
    inner join key_enterprise_years as k
        on p.year = k.year

    union all

    select
        'air.heavy_industry_emission_share' as indicator_code,
        {{ city_label() }} as area,
        p.year,
        p.end_month,
        cast(k.heavy_industry_share_pct as double) as value,
        cast(k.heavy_industry_total_t as double) as numerator,
        cast(k.total_t as double) as denominator,
        case when k.n_enterprises_with_approx_values > 0 then 'approx_inputs' end as qualifier,
        true as is_complete
    from enforcement_periods as p
    inner join key_enterprise_years as k
        on p.year = k.year

),

{%- set without_basis = "cast(null as varchar) as assessment_basis, "
    ~ "cast(null as double) as value_last_year_on_basis, "
    ~ "cast(null as boolean) as is_statistic_valid, "
    ~ "cast(null as varchar) as statistic_validity_note" %}

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
        is_complete,
        assessment_basis,
        value_last_year_on_basis,
        is_statistic_valid,
        statistic_validity_note
    from city_quality
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
        is_complete,
        assessment_basis,
        value_last_year_on_basis,
        cast(null as boolean) as is_statistic_valid,
        cast(null as varchar) as statistic_validity_note
    from district_quality
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
        is_complete,
        {{ without_basis }}
    from enforcement_values
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
        is_complete,
        {{ without_basis }}
    from key_enterprise_values

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
    coalesce(is_complete, false) as is_complete,
    assessment_basis,
    value_last_year_on_basis,
    is_statistic_valid,
    statistic_validity_note
from final
