-- 集中式饮用水水源地名录：1:1 对应 raw.water_drinking_sources。湖库型水源按湖库总磷限值评价，其余按河流。
with

source as (

    select * from {{ source('raw_water', 'water_drinking_sources') }}

),

renamed as (

    select
        source_code,
        source_name,
        district,
        source_level,
        source_type,
        case when source_type = '湖库型' then 'lake' else 'river' end as water_body_type,
        status,
        revoked_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
