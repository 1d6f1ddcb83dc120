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

-- a test returns the offending rows, whatever columns they have
select t.*  -- noqa: AM04
from targets as t
left join pollutants as p
    on t.indicator_code = 'air.' || p.pollutant || case p.composite_averaging
        when 'annual' then '_mean'
        when '24h' then '_p95'
        else '_p90'
    end
left join limits as l
    on p.pollutant = l.pollutant
    and p.composite_averaging = l.averaging
    and t.valid_from = l.valid_from
    and t.valid_to = l.valid_to
where l.limit_value is distinct from t.target_value
