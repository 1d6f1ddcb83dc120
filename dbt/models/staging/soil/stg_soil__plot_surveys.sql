-- 建设用地土壤污染状况调查地块台账：1:1 对应 raw.soil_plot_surveys。
with

source as (

    select * from {{ source('raw_soil', 'soil_plot_surveys') }}

),

renamed as (

    select
        cast(plot_code as varchar) as plot_code,
        cast(plot_name as varchar) as plot_name,
        cast(district as varchar) as district,
        cast(area_m2 as double) as area_m2,
        cast(planned_land_use as varchar) as planned_land_use,
        cast(survey_stage as varchar) as survey_stage,
        cast(started_on as date) as started_on,
        cast(report_completed_on as date) as report_completed_on,
        cast(reviewed_on as date) as reviewed_on,
        cast(risk_result as varchar) as risk_result,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
