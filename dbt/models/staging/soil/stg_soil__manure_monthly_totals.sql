-- 畜禽粪污月报的“合计”行：1:1 对应 raw.soil_manure_monthly_totals，只供核对（GX 检查各区县之和），不作为指标来源。
with

source as (

    select * from {{ source('raw_soil', 'soil_manure_monthly_totals') }}

),

renamed as (

    select
        {{ lineage_period_month() }} as report_month,
        {{ staging_soil_manure_tonnes() }},
        {{ staging_totals_lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
