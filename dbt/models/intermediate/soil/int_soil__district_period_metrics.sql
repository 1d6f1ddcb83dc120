-- 区县 × 统计期的土壤与农村环境各项数：各区县集市在同一网格上并排，全市行（相加）与地区 × 期间契约表的区县行都读这里。
-- 地块调查按地块所在区县、与全市同一“开展”规则（宏 soil_survey_active）计。
with

district_periods as (

    select * from {{ ref('int_soil__district_periods') }}

),

plot_surveys as (

    select * from {{ ref('fct_soil_plot_surveys') }}

),

rural_sewage as (

    select * from {{ ref('fct_rural_sewage') }}

),

black_odorous_water as (

    select * from {{ ref('fct_rural_black_odorous_water') }}

),

livestock_manure as (

    select * from {{ ref('fct_livestock_manure') }}

),

hazardous_waste as (

    select * from {{ ref('fct_hazardous_waste_inspections') }}

),

rural_environment as (

    select * from {{ ref('fct_rural_environment') }}

),

district_plots as (

    select
        g.district,
        g.year,
        g.end_month,
        count(s.plot_code) filter (
            where {{ soil_survey_active(
                's.started_on', 's.report_completed_on', 'g.period_start', 'g.period_end'
            ) }}
        ) as plots_surveyed
    from district_periods as g
    left join plot_surveys as s
        on g.district = s.district
        and g.period_end >= s.started_on
    group by g.district, g.year, g.end_month

),

final as (

    select
        g.district,
        g.is_county_level,
        g.year,
        g.end_month,
        p.plots_surveyed,
        s.villages_total,
        s.villages_sewage_done,
        s.villages_sewage_done_in_period,
        s.sewage_treatment_rate,
        s.facilities_newly_inspected as sewage_facilities_newly_inspected,
        b.water_bodies_listed,
        b.water_bodies_eliminated,
        b.elimination_rate as black_odorous_elimination_rate,
        b.water_bodies_treated_in_period,
        b.national_list_listed,
        b.national_list_eliminated,
        l.form_months_submitted,
        l.manure_produced_t,
        l.manure_utilised_t,
        l.manure_utilisation_rate,
        l.scale_farms,
        l.scale_farms_equipped,
        l.scale_farm_equipment_rate,
        l.large_scale_farms,
        l.large_scale_farms_equipped,
        l.subsidy_farms_applied,
        l.subsidy_yuan,
        l.demo_sites,
        h.enterprises_checked as hazwaste_enterprises_checked,
        h.problems_found as hazwaste_problems_found,
        h.problems_rectified as hazwaste_problems_rectified,
        h.violation_cases as hazwaste_cases,
        e.unannounced_inspections as rural_unannounced_inspections,
        e.reward_funds_yuan as rural_reward_funds_yuan
    from district_periods as g
    {{ period_left_join_parts({
        'p': 'district_plots', 's': 'rural_sewage', 'b': 'black_odorous_water', 'l': 'livestock_manure',
        'h': 'hazardous_waste', 'e': 'rural_environment'
    }, ['district', 'year', 'end_month']) }}

)

select * from final
