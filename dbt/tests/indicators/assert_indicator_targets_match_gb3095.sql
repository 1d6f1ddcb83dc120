-- 指标参照值中的国家标准限值必须与 gb3095_limits 种子（限值的唯一出处）一致：返回不一致的行。
with

targets as (

    select * from {{ ref('indicator_targets') }}
    where target_kind = 'standard_limit'

),

limits as (

    select * from {{ ref('gb3095_limits') }}
    where zone_class = '二级'

),

pollutants as (

    select * from {{ ref('air_pollutants') }}

)

select t.*
from targets as t
left join pollutants as p
    on 'air.' || p.pollutant || case p.composite_averaging when 'annual' then '_mean' when '24h' then '_p95' else '_p90' end
        = t.indicator_code
left join limits as l
    on l.pollutant = p.pollutant
    and l.averaging = p.composite_averaging
    and l.valid_from = t.valid_from
    and l.valid_to = t.valid_to
where l.limit_value is distinct from t.target_value
