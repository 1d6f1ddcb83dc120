-- 涉危险废物环境违法案件台账：1:1 对应 raw.soil_hazwaste_cases。
with

source as (

    select * from {{ source('raw_soil', 'soil_hazwaste_cases') }}

),

renamed as (

    select
        case_no,
        filed_on,
        district,
        party_name,
        violation_type,
        {{ convert_unit('fine', 'fine_unit', '元') }} as fine_yuan,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
