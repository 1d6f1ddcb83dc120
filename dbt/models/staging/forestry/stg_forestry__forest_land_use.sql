-- 使用林地审核审批台账：1:1 对应 raw.forestry_forest_land_use，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_forest_land_use') }}

),

renamed as (

    select
        {{ lineage_period_year() }} as report_year,
        cast(approval_code as varchar) as approval_code,
        cast(project_name as varchar) as project_name,
        cast(district as varchar) as district,
        {{ convert_unit('area', 'area_unit', '公顷') }} as area_ha,
        cast(area as double) as area_submitted,
        coalesce(area_unit, '公顷') as area_unit,
        cast(approved_on as date) as approved_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
