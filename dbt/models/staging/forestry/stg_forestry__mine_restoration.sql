-- 矿山生态修复工程项目台账：1:1 对应 raw.forestry_mine_restoration，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_mine_restoration') }}

),

renamed as (

    select
        cast(project_code as varchar) as project_code,
        cast(project_name as varchar) as project_name,
        cast(district as varchar) as district,
        cast(mine_category as varchar) as mine_category,
        mine_category = '历史遗留废弃矿山' as is_abandoned_mine,
        cast(mine_code as varchar) as mine_code,
        {{ convert_unit('restored_area', 'restored_area_unit', '公顷') }} as restored_area_ha,
        cast(restored_area as double) as restored_area_submitted,
        coalesce(restored_area_unit, '公顷') as restored_area_unit,
        cast(is_completed as boolean) as is_completed,
        cast(completed_on as date) as completed_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
