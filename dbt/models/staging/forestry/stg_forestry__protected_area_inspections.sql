-- 自然保护地和重要湿地排查整治台账：1:1 对应 raw.forestry_protected_area_inspections，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_protected_area_inspections') }}

),

renamed as (

    select
        cast(site_code as varchar) as site_code,
        cast(site_name as varchar) as site_name,
        cast(site_type as varchar) as site_type,
        cast(district as varchar) as district,
        cast(inspected_on as date) as inspected_on,
        cast(problems_found as bigint) as problems_found,
        cast(problems_fixed as bigint) as problems_fixed,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
