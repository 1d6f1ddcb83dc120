-- 禁渔监管设备台账：1:1 对应 raw.fishing_equipment（逐台设备）。设备类型经 fishing_item_units 目录得到项目代码。
with

source as (

    select * from {{ source('raw_fishing', 'fishing_equipment') }}

),

item_units as (

    select distinct
        item_label,
        item_code
    from {{ ref('fishing_item_units') }}
    where item_group = 'equipment'

),

renamed as (

    select
        cast(s.device_code as varchar) as device_code,
        cast(s.device_type as varchar) as device_type,
        u.item_code as equipment_code,
        cast(s.district as varchar) as district,
        cast(s.water_body as varchar) as water_body,
        cast(s.installed_on as date) as installed_on,
        cast(s.removed_on as date) as removed_on,
        cast(s.owner as varchar) as owner,
        {{ lineage_columns('s') }}
    from source as s
    left join item_units as u
        on s.device_type = u.item_label

),

final as (

    select * from renamed

)

select * from final
