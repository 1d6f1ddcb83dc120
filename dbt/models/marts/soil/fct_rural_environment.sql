-- 区县 × 年内累计期的农村环境整治：督查暗访按督查日期期内计，以奖代补资金按下达日期期内累计（合计行不参与）。
with

grid as (

    select * from {{ ref('int_soil__district_periods') }}

),

inspections as (

    select * from {{ ref('stg_soil__rural_inspections') }}

),

reward_funds as (

    select * from {{ ref('stg_soil__rural_reward_funds') }}

),

inspection_counts as (

    {% call period_district_counts('grid', 'inspections', 'i') %}
        count(i.inspection_no) filter (where {{ soil_in_period('i.inspected_on') }}) as inspections,
        count(i.inspection_no) filter (
            where i.inspection_form = '暗访' and {{ soil_in_period('i.inspected_on') }}
        ) as unannounced_inspections,
        coalesce(
            sum(i.problems_found) filter (where {{ soil_in_period('i.inspected_on') }}), 0
        ) as problems_found
    {% endcall %}

),

fund_sums as (

    {% call period_district_counts('grid', 'reward_funds', 'r') %}
        coalesce(sum(r.amount_yuan) filter (where {{ soil_in_period('r.allocated_on') }}), 0)
            as reward_funds_yuan
    {% endcall %}

),

final as (

    {% call period_grid_rows({'i': 'inspection_counts', 'f': 'fund_sums'}) %}
        cast(i.inspections as bigint) as inspections,
        cast(i.unannounced_inspections as bigint) as unannounced_inspections,
        cast(i.problems_found as bigint) as problems_found,
        cast(f.reward_funds_yuan as double) as reward_funds_yuan
    {% endcall %}

)

select * from final
