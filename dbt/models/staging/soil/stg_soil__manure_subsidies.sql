-- 畜禽粪污资源化利用奖补申报：1:1 对应 raw.soil_manure_subsidies。
with

source as (

    select * from {{ source('raw_soil', 'soil_manure_subsidies') }}

),

renamed as (

    select
        application_no,
        farm_code,
        farm_name,
        district,
        applied_on,
        {{ convert_unit('subsidy_amount', 'subsidy_amount_unit', '元') }} as subsidy_yuan,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
