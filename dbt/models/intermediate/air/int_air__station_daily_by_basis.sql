-- 按评价口径的站点日：每个站点日 × air_rulesets 中的每个规则集（assessment_basis）一行，用该规则集的 IAQI 分段、
-- 日报项目、缺项规则与类别计算 AQI、类别、有效天与优良天（宏 air_daily_iaqi / air_daily_aqi 的 basis_column），
-- 与 int_air__city_daily_by_basis 对城市日的做法相同。跨 2026-03-01 的站点期间与区县期间据此在同一口径下统计
-- （fct_air_quality_station_period、fct_air_quality_district_period）。站点浓度取自 int_air__station_daily，与口径无关：
-- 两版的站点日有效性规则相同（air_validity_rules 的 ruleset = 'all'），O3“不足时超限仍有效”所用的 O3 二级限值两版相同
-- （测试 assert_air_o3_validity_limits_same_across_standards）。
with

station_daily as (

    select * from {{ ref('int_air__station_daily') }}

),

stations as (

    select * from {{ ref('stg_air__stations') }}

),

rulesets as (

    select * from {{ ref('air_rulesets') }}

),

concentrations as (

    {{ air_concentrations_by_basis('station_daily', ['station_code'], 'rulesets') }}

),

{{ air_daily_aqi_ctes(
    'concentrations', ['station_code', 'assessment_basis'], basis_column='assessment_basis'
) }},

final as (

    select
        d.station_code,
        d.station_name,
        s.district,
        d.obs_date,
        {{ air_assessment_basis_columns('d', 'r') }},
        d.is_city_evaluation,
        {{ air_daily_by_basis_columns('d') }}
    from station_daily as d
    cross join rulesets as r
    left join stations as s
        on d.station_code = s.station_code
    {{ air_daily_aqi_joins('d', ['station_code', 'obs_date'], basis='r.ruleset') }}

)

select * from final
