-- 农村黑臭水体清单：1:1 对应 raw.soil_black_odorous_water。
with

source as (

    select * from {{ source('raw_soil', 'soil_black_odorous_water') }}

),

renamed as (

    select
        cast(water_body_code as varchar) as water_body_code,
        cast(water_body_name as varchar) as water_body_name,
        cast(district as varchar) as district,
        cast(list_level as varchar) as list_level,
        cast(listed_on as date) as listed_on,
        cast(treated_on as date) as treated_on,
        cast(accepted_on as date) as accepted_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
