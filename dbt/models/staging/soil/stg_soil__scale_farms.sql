-- 规模养殖场台账：1:1 对应 raw.soil_scale_farms。
with

source as (

    select * from {{ source('raw_soil', 'soil_scale_farms') }}

),

renamed as (

    select
        cast(farm_code as varchar) as farm_code,
        cast(farm_name as varchar) as farm_name,
        cast(district as varchar) as district,
        cast(species as varchar) as species,
        cast(is_large_scale as boolean) as is_large_scale,
        cast(filed_on as date) as filed_on,
        cast(facility_equipped as boolean) as facility_equipped,
        cast(equipped_on as date) as equipped_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
