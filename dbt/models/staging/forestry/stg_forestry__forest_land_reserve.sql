-- 补充林地储备库入库台账：1:1 对应 raw.forestry_forest_land_reserve，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_forest_land_reserve') }}

),

renamed as (

    select
        {{ lineage_period_year() }} as report_year,
        parcel_code,
        district,
        town,
        {{ staging_measure_as_submitted('area', '公顷', 'area_ha') }},
        accepted_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
