-- 水质自动监测微站台账：1:1 对应 raw.water_micro_stations（建设方式与建成日期）。
with

source as (

    select * from {{ source('raw_water', 'water_micro_stations') }}

),

renamed as (

    select
        cast(station_code as varchar) as station_code,
        cast(station_name as varchar) as station_name,
        cast(source_code as varchar) as source_code,
        cast(district as varchar) as district,
        cast(build_type as varchar) as build_type,
        cast(completed_on as date) as completed_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
