-- 畜禽粪污产生与资源化利用月报：1:1 对应 raw.soil_manure_monthly。
with

source as (

    select * from {{ source('raw_soil', 'soil_manure_monthly') }}

),

renamed as (

    select
        {{ lineage_period_month() }} as report_month,
        district,
        {{ staging_soil_manure_tonnes() }},
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
