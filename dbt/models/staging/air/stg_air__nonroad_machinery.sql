-- 非道路移动机械编码登记台账：1:1 对应 raw.air_nonroad_machinery。
with

source as (

    select * from {{ source('raw_air', 'air_nonroad_machinery') }}

),

renamed as (

    select
        cast(registration_code as varchar) as registration_code,
        cast(district as varchar) as district,
        cast(machine_type as varchar) as machine_type,
        cast(emission_stage as varchar) as emission_stage,
        cast(registered_on as date) as registered_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
