-- 农村环境整治以奖代补资金下达表：1:1 对应 raw.soil_rural_reward_funds。
with

source as (

    select * from {{ source('raw_soil', 'soil_rural_reward_funds') }}

),

renamed as (

    select
        document_no,
        district,
        allocated_on,
        {{ convert_unit('amount', 'amount_unit', '元') }} as amount_yuan,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
