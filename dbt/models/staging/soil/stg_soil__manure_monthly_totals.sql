-- 畜禽粪污月报的“合计”行：1:1 对应 raw.soil_manure_monthly_totals，只供核对（GX 检查各区县之和），不作为指标来源。
with

source as (

    select * from {{ source('raw_soil', 'soil_manure_monthly_totals') }}

),

renamed as (

    select
        {{ lineage_period_month() }} as report_month,
        {{ convert_unit('manure_produced_month', 'manure_produced_month_unit', 't') }}
            as manure_produced_month_t,
        {{ convert_unit('manure_produced_ytd', 'manure_produced_ytd_unit', 't') }} as manure_produced_ytd_t,
        {{ convert_unit('manure_utilised_month', 'manure_utilised_month_unit', 't') }}
            as manure_utilised_month_t,
        {{ convert_unit('manure_utilised_ytd', 'manure_utilised_ytd_unit', 't') }} as manure_utilised_ytd_t,
        _file_path,
        _sheet,
        _row_number,
        _file_identity,
        _loaded_at
    from source

),

final as (

    select * from renamed

)

select * from final
