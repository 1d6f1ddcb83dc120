-- 历史遗留废弃矿山名录：1:1 对应 raw.forestry_abandoned_mines，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_abandoned_mines') }}

),

renamed as (

    select
        cast(mine_code as varchar) as mine_code,
        cast(mine_name as varchar) as mine_name,
        cast(district as varchar) as district,
        cast(mineral as varchar) as mineral,
        cast(mine_type as varchar) as mine_type,
        mine_type = '非煤矿山' as is_non_coal,
        {{ convert_unit('listed_area', 'listed_area_unit', '公顷') }} as listed_area_ha,
        cast(listed_area as double) as listed_area_submitted,
        coalesce(listed_area_unit, '公顷') as listed_area_unit,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
