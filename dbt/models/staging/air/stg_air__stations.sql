-- 监测站点名录：1:1 对应 raw.air_stations（当前台账）。
with

source as (

    select * from {{ source('raw_air', 'air_stations') }}

),

renamed as (

    select
        station_code,
        station_name,
        district,
        station_level,
        is_city_evaluation,
        started_on,
        stopped_on,
        longitude,
        latitude,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
