-- 集中式农村生活污水处理设施排查记录：1:1 对应 raw.soil_sewage_facility_inspections。
with

source as (

    select * from {{ source('raw_soil', 'soil_sewage_facility_inspections') }}

),

renamed as (

    select
        cast(inspection_no as varchar) as inspection_no,
        cast(facility_code as varchar) as facility_code,
        cast(facility_name as varchar) as facility_name,
        cast(district as varchar) as district,
        cast(village_name as varchar) as village_name,
        {{ convert_unit('design_capacity', 'design_capacity_unit', 't/d') }} as design_capacity_t_per_d,
        cast(inspected_on as date) as inspected_on,
        cast(operating_status as varchar) as operating_status,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
