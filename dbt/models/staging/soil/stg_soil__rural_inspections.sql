-- 农村环境整治督查暗访记录：1:1 对应 raw.soil_rural_inspections。
with

source as (

    select * from {{ source('raw_soil', 'soil_rural_inspections') }}

),

renamed as (

    select
        cast(inspection_no as varchar) as inspection_no,
        cast(inspected_on as date) as inspected_on,
        cast(district as varchar) as district,
        cast(inspection_form as varchar) as inspection_form,
        cast(problems_found as bigint) as problems_found,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
