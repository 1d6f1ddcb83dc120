-- 危险废物规范化环境管理评估检查记录：1:1 对应 raw.soil_hazwaste_inspections。
with

source as (

    select * from {{ source('raw_soil', 'soil_hazwaste_inspections') }}

),

renamed as (

    select
        cast(check_no as varchar) as check_no,
        cast(enterprise_code as varchar) as enterprise_code,
        cast(enterprise_name as varchar) as enterprise_name,
        cast(district as varchar) as district,
        cast(enterprise_kind as varchar) as enterprise_kind,
        cast(checked_on as date) as checked_on,
        cast(problems_found as bigint) as problems_found,
        cast(problems_rectified as bigint) as problems_rectified,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
