-- 全市 × 年内累计期的土壤与农村环境指标：计数由各区县集市行相加，比率由相加后的分子、分母重算（不平均区县比率）；
-- 地块调查、培训为全市台账，直接按日期规则计。同比：比率用百分点（与上年同期之差）。
with

periods as (

    select * from {{ ref('int_soil__periods') }}

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

trainings as (

    select * from {{ ref('stg_soil__hazwaste_trainings') }}

),

plot_counts as (

    select
        p.year,
        p.end_month,
        count(s.plot_code) filter (
            where {{ soil_survey_active(
                's.started_on', 's.report_completed_on', 'p.period_start', 'p.period_end'
            ) }}
        ) as plots_surveyed,
        count(s.plot_code) filter (
            where {{ soil_in_period('s.report_completed_on', 'p.period_start', 'p.period_end') }}
        ) as plot_reports_completed
    from periods as p
    left join plot_surveys as s
        on p.period_end >= s.started_on
    group by all

),

sewage as (

    {{ period_city_totals('rural_sewage', [
        'villages_total', 'villages_sewage_done', 'villages_sewage_done_in_period', 'facilities_newly_inspected'
    ]) }}

),

water as (

    {{ period_city_totals('black_odorous_water', [
        'water_bodies_listed', 'water_bodies_eliminated', 'water_bodies_treated_in_period',
        'national_list_listed', 'national_list_eliminated'
    ]) }}

),

livestock as (

    {{ period_city_totals('livestock_manure', [
        'manure_produced_t', 'manure_utilised_t', 'scale_farms', 'scale_farms_equipped', 'large_scale_farms',
        'large_scale_farms_equipped', 'subsidy_farms_applied', 'subsidy_yuan', 'demo_sites'
    ]) }}

),

-- “每个县市区”只含县市区（功能区不参与）
county_demo_sites as (

    select
        year,
        end_month,
        min(demo_sites) as demo_sites_min_county
    from livestock_manure
    where is_county_level
    group by all

),

hazwaste as (

    {{ period_city_totals('hazardous_waste', [
        'enterprises_checked', 'problems_found', 'problems_rectified', 'violation_cases'
    ]) }}

),

rural as (

    {{ period_city_totals('rural_environment', ['unannounced_inspections', 'reward_funds_yuan']) }}

),

training_counts as (

    select
        p.year,
        p.end_month,
        count(t.training_no) as hazwaste_training_sessions,
        coalesce(sum(t.participants), 0) as hazwaste_trainees,
        coalesce(bool_or(t.participants_qualifier is not null), false) as hazwaste_trainees_approximate
    from periods as p
    left join trainings as t
        on {{ soil_in_period('t.trained_on', 'p.period_start', 'p.period_end') }}
    group by all

),

combined as (

    select
        p.year,
        p.end_month,
        p.period_start,
        p.period_end,
        cast(pc.plots_surveyed as bigint) as plots_surveyed,
        cast(pc.plot_reports_completed as bigint) as plot_reports_completed,
        cast(s.villages_total as bigint) as villages_total,
        cast(s.villages_sewage_done as bigint) as villages_sewage_done,
        cast(s.villages_sewage_done_in_period as bigint) as villages_sewage_done_in_period,
        {{ soil_rate('s.villages_sewage_done', 's.villages_total') }} as sewage_treatment_rate,
        cast(s.facilities_newly_inspected as bigint) as sewage_facilities_newly_inspected,
        cast(w.water_bodies_listed as bigint) as water_bodies_listed,
        cast(w.water_bodies_eliminated as bigint) as water_bodies_eliminated,
        {{ soil_rate('w.water_bodies_eliminated', 'w.water_bodies_listed') }}
            as black_odorous_elimination_rate,
        cast(w.water_bodies_treated_in_period as bigint) as water_bodies_treated_in_period,
        cast(w.national_list_listed as bigint) as national_list_listed,
        cast(w.national_list_eliminated as bigint) as national_list_eliminated,
        cast(l.manure_produced_t as double) as manure_produced_t,
        cast(l.manure_utilised_t as double) as manure_utilised_t,
        {{ soil_rate('l.manure_utilised_t', 'l.manure_produced_t') }} as manure_utilisation_rate,
        cast(l.scale_farms as bigint) as scale_farms,
        cast(l.scale_farms_equipped as bigint) as scale_farms_equipped,
        {{ soil_rate('l.scale_farms_equipped', 'l.scale_farms') }} as scale_farm_equipment_rate,
        cast(l.large_scale_farms as bigint) as large_scale_farms,
        cast(l.large_scale_farms_equipped as bigint) as large_scale_farms_equipped,
        {{ soil_rate('l.large_scale_farms_equipped', 'l.large_scale_farms') }}
            as large_scale_farm_equipment_rate,
        cast(l.subsidy_farms_applied as bigint) as subsidy_farms_applied,
        cast(l.subsidy_yuan as double) as subsidy_yuan,
        cast(l.demo_sites as bigint) as demo_sites,
        cast(m.demo_sites_min_county as bigint) as demo_sites_min_county,
        cast(r.unannounced_inspections as bigint) as rural_unannounced_inspections,
        cast(r.reward_funds_yuan as double) as rural_reward_funds_yuan,
        cast(h.enterprises_checked as bigint) as hazwaste_enterprises_checked,
        cast(h.problems_found as bigint) as hazwaste_problems_found,
        cast(h.problems_rectified as bigint) as hazwaste_problems_rectified,
        cast(h.violation_cases as bigint) as hazwaste_cases,
        cast(t.hazwaste_training_sessions as bigint) as hazwaste_training_sessions,
        cast(t.hazwaste_trainees as bigint) as hazwaste_trainees,
        t.hazwaste_trainees_approximate
    from periods as p
    inner join plot_counts as pc using (year, end_month)
    inner join sewage as s using (year, end_month)
    inner join water as w using (year, end_month)
    inner join livestock as l using (year, end_month)
    left join county_demo_sites as m using (year, end_month)
    inner join hazwaste as h using (year, end_month)
    inner join rural as r using (year, end_month)
    inner join training_counts as t using (year, end_month)

),

final as (

    select
        c.*,
        c.sewage_treatment_rate - last_year.sewage_treatment_rate as sewage_treatment_rate_yoy_pp,
        c.black_odorous_elimination_rate - last_year.black_odorous_elimination_rate
            as black_odorous_elimination_rate_yoy_pp,
        c.manure_utilisation_rate - last_year.manure_utilisation_rate as manure_utilisation_rate_yoy_pp
    from combined as c
    {{ period_prior_year_join('combined', 'last_year', 'c') }}

)

select * from final
