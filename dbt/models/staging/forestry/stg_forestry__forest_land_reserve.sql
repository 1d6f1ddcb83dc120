-- 补充林地储备库入库台账：1:1 对应 raw.forestry_forest_land_reserve，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_forest_land_reserve') }}

),

renamed as (

    select
        {{ lineage_period_year() }} as report_year,
        cast(parcel_code as varchar) as parcel_code,
        cast(district as varchar) as district,
        cast(town as varchar) as town,
        {{ convert_unit('area', 'area_unit', '公顷') }} as area_ha,
        cast(area as double) as area_submitted,
        coalesce(area_unit, '公顷') as area_unit,
        cast(accepted_on as date) as accepted_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
