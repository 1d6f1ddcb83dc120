-- 自然保护地和重要湿地排查整治台账：1:1 对应 raw.forestry_protected_area_inspections，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_protected_area_inspections') }}

),

renamed as (

    select
        site_code,
        site_name,
        site_type,
        district,
        inspected_on,
        problems_found,
        problems_fixed,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
