-- 建设用地土壤污染状况调查地块台账：1:1 对应 raw.soil_plot_surveys。
with

source as (

    select * from {{ source('raw_soil', 'soil_plot_surveys') }}

),

renamed as (

    select
        plot_code,
        plot_name,
        district,
        area_m2,
        planned_land_use,
        survey_stage,
        started_on,
        report_completed_on,
        reviewed_on,
        risk_result,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
