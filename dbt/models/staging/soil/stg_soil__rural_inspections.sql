-- 农村环境整治督查暗访记录：1:1 对应 raw.soil_rural_inspections。
with

source as (

    select * from {{ source('raw_soil', 'soil_rural_inspections') }}

),

renamed as (

    select
        inspection_no,
        inspected_on,
        district,
        inspection_form,
        problems_found,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
