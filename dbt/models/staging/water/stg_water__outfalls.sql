-- 长江入河排污口台账：1:1 对应 raw.water_outfalls（各区县最新版本台账的当前行；进度以日期记录）。
with

source as (

    select * from {{ source('raw_water', 'water_outfalls') }}

),

renamed as (

    select
        cast(outfall_code as varchar) as outfall_code,
        cast(outfall_name as varchar) as outfall_name,
        cast(district as varchar) as district,
        cast(receiving_water as varchar) as receiving_water,
        cast(is_main_stem as boolean) as is_main_stem,
        cast(outfall_type as varchar) as outfall_type,
        cast(found_on as date) as found_on,
        cast(sign_erected_on as date) as sign_erected_on,
        cast(monitored_on as date) as monitored_on,
        cast(plan_written_on as date) as plan_written_on,
        cast(remediated_on as date) as remediated_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
