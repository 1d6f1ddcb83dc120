-- 非道路移动机械编码登记台账：1:1 对应 raw.air_nonroad_machinery。
with

source as (

    select * from {{ source('raw_air', 'air_nonroad_machinery') }}

),

renamed as (

    select
        registration_code,
        district,
        machine_type,
        emission_stage,
        registered_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
