-- 饮用水水源地撤销、整并清单：1:1 对应 raw.water_source_changes（逐个水源地，含批复日期）。
with

source as (

    select * from {{ source('raw_water', 'water_source_changes') }}

),

renamed as (

    select
        cast(change_code as varchar) as change_code,
        cast(source_name as varchar) as source_name,
        cast(district as varchar) as district,
        cast(source_level as varchar) as source_level,
        cast(change_type as varchar) as change_type,
        cast(merged_into as varchar) as merged_into,
        cast(approved_on as date) as approved_on,
        cast(approval_document as varchar) as approval_document,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
