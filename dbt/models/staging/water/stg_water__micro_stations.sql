-- 水质自动监测微站台账：1:1 对应 raw.water_micro_stations（建设方式与建成日期）。
with

source as (

    select * from {{ source('raw_water', 'water_micro_stations') }}

),

renamed as (

    select
        station_code,
        station_name,
        source_code,
        district,
        build_type,
        completed_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
