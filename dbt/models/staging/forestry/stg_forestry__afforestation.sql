-- 造林绿化、森林抚育、退化林修复项目台账：1:1 对应 raw.forestry_afforestation，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_afforestation') }}

),

renamed as (

    select
        {{ lineage_period_year() }} as report_year,
        cast(project_code as varchar) as project_code,
        cast(project_name as varchar) as project_name,
        cast(district as varchar) as district,
        cast(town as varchar) as town,
        cast(work_type as varchar) as work_type,
        {{ convert_unit('area', 'area_unit', '公顷') }} as area_ha,
        cast(area as double) as area_submitted,
        coalesce(area_unit, '公顷') as area_unit,
        cast(completed_on as date) as completed_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
