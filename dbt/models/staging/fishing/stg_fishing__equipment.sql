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
        s.device_code,
        s.device_type,
        u.item_code as equipment_code,
        s.district,
        s.water_body,
        s.installed_on,
        s.removed_on,
        s.owner,
        {{ lineage_columns('s') }}
    from source as s
    left join item_units as u
        on s.device_type = u.item_label

),

final as (

    select * from renamed

)

select * from final
