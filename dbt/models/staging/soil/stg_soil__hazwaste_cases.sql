-- 涉危险废物环境违法案件台账：1:1 对应 raw.soil_hazwaste_cases。
with

source as (

    select * from {{ source('raw_soil', 'soil_hazwaste_cases') }}

),

renamed as (

    select
        cast(case_no as varchar) as case_no,
        cast(filed_on as date) as filed_on,
        cast(district as varchar) as district,
        cast(party_name as varchar) as party_name,
        cast(violation_type as varchar) as violation_type,
        {{ convert_unit('fine', 'fine_unit', '元') }} as fine_yuan,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
