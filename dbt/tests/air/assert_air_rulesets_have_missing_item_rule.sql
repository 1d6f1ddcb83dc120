-- 每个规则集都要在 air_validity_rules 中有缺项发布规则（missing_item_min_aqi_published）；缺了它，该规则集
-- 有项目缺测的日子 AQI 会一律不发布，却不报错。返回缺少规则的规则集。
with

rulesets as (

    select * from {{ ref('air_rulesets') }}

),

validity_rules as (

    select * from {{ ref('air_validity_rules') }}
    where rule_code = 'missing_item_min_aqi_published'

),

final as (

    select r.ruleset
    from rulesets as r
    left join validity_rules as v
        on r.ruleset = v.ruleset
    where v.ruleset is null

)

select * from final
