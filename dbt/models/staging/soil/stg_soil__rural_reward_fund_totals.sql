-- 以奖代补资金下达表的“合计”行：1:1 对应 raw.soil_rural_reward_funds_totals，只供核对，不作为指标来源。
with

source as (

    select * from {{ source('raw_soil', 'soil_rural_reward_funds_totals') }}

),

renamed as (

    select
        {{ convert_unit('amount', 'amount_unit', '元') }} as amount_yuan,
        {{ staging_totals_lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
