-- 森林资源主要指标统计表：1:1 对应 raw.forestry_forest_resources，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_forest_resources') }}

),

renamed as (

    select
        {{ lineage_period_year() }} as report_year,
        cast(district as varchar) as district,
        {{ convert_unit('land_area', 'land_area_unit', '公顷') }} as land_area_ha,
        cast(land_area as double) as land_area_submitted,
        coalesce(land_area_unit, '公顷') as land_area_unit,
        {{ convert_unit('forest_area', 'forest_area_unit', '公顷') }} as forest_area_ha,
        cast(forest_area as double) as forest_area_submitted,
        coalesce(forest_area_unit, '公顷') as forest_area_unit,
        {{ convert_unit('growing_stock', 'growing_stock_unit', 'm3') }} as growing_stock_m3,
        coalesce(growing_stock_unit, 'm3') as growing_stock_unit,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
