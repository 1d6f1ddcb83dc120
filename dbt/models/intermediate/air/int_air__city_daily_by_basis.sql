-- 按评价口径的城市日：每个城市日 × air_rulesets 中的每个规则集（assessment_basis）一行，用该规则集的 IAQI 分段、
-- 日报项目、缺项规则与类别计算 AQI、类别、有效天与优良天（宏 air_daily_iaqi / air_daily_aqi 的 basis_column）。
-- 跨 2026-03-01 的期间与对比上年的同比据此在同一口径下统计（fct_air_quality_period）。城市浓度取自
-- int_air__city_daily，与口径无关：两版的站点日有效性规则相同（air_validity_rules 的 ruleset = 'all'），O3“不足时超限
-- 仍有效”所用的 O3 二级限值两版相同（测试 assert_air_o3_validity_limits_same_across_standards 守住这一点）。
with

city_daily as (

    select * from {{ ref('int_air__city_daily') }}

),

rulesets as (

    select * from {{ ref('air_rulesets') }}

),

concentrations as (

    {{ air_concentrations_by_basis('city_daily', [], 'rulesets') }}

),

{{ air_daily_aqi_ctes('concentrations', ['assessment_basis'], basis_column='assessment_basis') }},

final as (

    select
        c.obs_date,
        {{ air_assessment_basis_columns('c', 'r') }},
        {{ air_daily_by_basis_columns('c') }}
    from city_daily as c
    cross join rulesets as r
    {{ air_daily_aqi_joins('c', ['obs_date'], basis='r.ruleset') }}

)

select * from final
