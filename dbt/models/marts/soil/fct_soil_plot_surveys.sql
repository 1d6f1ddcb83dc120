-- 建设用地土壤污染状况调查：一行一个地块，规划用途按 GB 36600-2018 §3.3 归入第一类/第二类用地。
with

plot_surveys as (

    select * from {{ ref('stg_soil__plot_surveys') }}

),

districts as (

    select * from {{ ref('districts') }}

),

land_use_classes as (

    select * from {{ ref('soil_land_use_classes') }}

),

final as (

    select
        p.plot_code,
        p.plot_name,
        cast(d.district_code as varchar) as district_code,
        p.district,
        p.area_m2,
        p.planned_land_use,
        cast(c.gb36600_class as varchar) as gb36600_class,
        p.survey_stage,
        p.started_on,
        p.report_completed_on,
        p.reviewed_on,
        p.risk_result,
        p.report_completed_on is not null as is_report_completed,
        p.risk_result in ('超过筛选值', '超过管制值') as exceeds_screening_value
    from plot_surveys as p
    left join districts as d
        on p.district = d.district_name
    left join land_use_classes as c
        on p.planned_land_use = c.land_use

)

select * from final
