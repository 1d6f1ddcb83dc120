-- 有机肥补贴试点示范点名单：1:1 对应 raw.soil_fertilizer_demo_sites。
with

source as (

    select * from {{ source('raw_soil', 'soil_fertilizer_demo_sites') }}

),

renamed as (

    select
        site_code,
        {{ lineage_period_year() }} as pilot_year,
        site_name,
        district,
        crop,
        {{ convert_unit('area_mu', 'area_mu_unit', '亩') }} as area_mu,
        area_mu_qualifier,
        established_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
