-- 监测站点名录：1:1 对应 raw.air_stations（当前台账）。
with

source as (

    select * from {{ source('raw_air', 'air_stations') }}

),

renamed as (

    select
        cast(station_code as varchar) as station_code,
        cast(station_name as varchar) as station_name,
        cast(district as varchar) as district,
        cast(station_level as varchar) as station_level,
        cast(is_city_evaluation as boolean) as is_city_evaluation,
        cast(started_on as date) as started_on,
        cast(stopped_on as date) as stopped_on,
        cast(longitude as double) as longitude,
        cast(latitude as double) as latitude,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
