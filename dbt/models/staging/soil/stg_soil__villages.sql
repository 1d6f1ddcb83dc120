-- 行政村生活污水治理台账：1:1 对应 raw.soil_villages。
with

source as (

    select * from {{ source('raw_soil', 'soil_villages') }}

),

renamed as (

    select
        village_code,
        village_name,
        township,
        district,
        treatment_mode,
        sewage_done_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
