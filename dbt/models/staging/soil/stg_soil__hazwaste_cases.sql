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
        _source,
        _file_path,
        _sheet,
        _row_number,
        _file_sha256,
        _file_identity,
        _file_version,
        _load_batch,
        _loaded_at
    from source

),

final as (

    select * from renamed

)

select * from final
