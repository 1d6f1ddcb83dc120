-- 规模养殖场台账：1:1 对应 raw.soil_scale_farms。
with

source as (

    select * from {{ source('raw_soil', 'soil_scale_farms') }}

),

renamed as (

    select
        farm_code,
        farm_name,
        district,
        species,
        is_large_scale,
        filed_on,
        facility_equipped,
        equipped_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
