-- 农村黑臭水体清单：1:1 对应 raw.soil_black_odorous_water。
with

source as (

    select * from {{ source('raw_soil', 'soil_black_odorous_water') }}

),

renamed as (

    select
        water_body_code,
        water_body_name,
        district,
        list_level,
        listed_on,
        treated_on,
        accepted_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
