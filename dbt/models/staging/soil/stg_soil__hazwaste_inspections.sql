-- 危险废物规范化环境管理评估检查记录：1:1 对应 raw.soil_hazwaste_inspections。
with

source as (

    select * from {{ source('raw_soil', 'soil_hazwaste_inspections') }}

),

renamed as (

    select
        check_no,
        enterprise_code,
        enterprise_name,
        district,
        enterprise_kind,
        checked_on,
        problems_found,
        problems_rectified,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
