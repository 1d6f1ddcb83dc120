-- 畜禽粪污产生与资源化利用月报：1:1 对应 raw.soil_manure_monthly。
with

source as (

    select * from {{ source('raw_soil', 'soil_manure_monthly') }}

),

renamed as (

    select
        {{ lineage_period_month() }} as report_month,
        cast(district as varchar) as district,
        {{ convert_unit('manure_produced_month', 'manure_produced_month_unit', 't') }}
            as manure_produced_month_t,
        {{ convert_unit('manure_produced_ytd', 'manure_produced_ytd_unit', 't') }} as manure_produced_ytd_t,
        {{ convert_unit('manure_utilised_month', 'manure_utilised_month_unit', 't') }}
            as manure_utilised_month_t,
        {{ convert_unit('manure_utilised_ytd', 'manure_utilised_ytd_unit', 't') }} as manure_utilised_ytd_t,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
