-- 行政村生活污水治理台账：1:1 对应 raw.soil_villages。
with

source as (

    select * from {{ source('raw_soil', 'soil_villages') }}

),

renamed as (

    select
        cast(village_code as varchar) as village_code,
        cast(village_name as varchar) as village_name,
        cast(township as varchar) as township,
        cast(district as varchar) as district,
        cast(treatment_mode as varchar) as treatment_mode,
        cast(sewage_done_on as date) as sewage_done_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
