-- 全市 × 年内累计期的土壤与农村环境指标：计数由各区县集市行相加，比率由相加后的分子、分母重算（不平均区县比率）；
-- 地块调查、培训为全市台账，直接按日期规则计。同比：比率用百分点（与上年同期之差）。
{% set district_sums = {
    'villages_total': 'bigint',
    'villages_sewage_done': 'bigint',
    'villages_sewage_done_in_period': 'bigint',
    'sewage_facilities_newly_inspected': 'bigint',
    'water_bodies_listed': 'bigint',
    'water_bodies_eliminated': 'bigint',
    'water_bodies_treated_in_period': 'bigint',
    'national_list_listed': 'bigint',
    'national_list_eliminated': 'bigint',
    'manure_produced_t': 'double',
    'manure_utilised_t': 'double',
    'scale_farms': 'bigint',
    'scale_farms_equipped': 'bigint',
    'large_scale_farms': 'bigint',
    'large_scale_farms_equipped': 'bigint',
    'subsidy_farms_applied': 'bigint',
    'subsidy_yuan': 'double',
    'demo_sites': 'bigint',
    'hazwaste_enterprises_checked': 'bigint',
    'hazwaste_problems_found': 'bigint',
    'hazwaste_problems_rectified': 'bigint',
    'hazwaste_cases': 'bigint',
    'rural_unannounced_inspections': 'bigint',
    'rural_reward_funds_yuan': 'double'
} %}

with

periods as (

    select * from {{ ref('int_soil__periods') }}

),

plot_surveys as (

    select * from {{ ref('fct_soil_plot_surveys') }}

),

district_metrics as (

    select * from {{ ref('int_soil__district_period_metrics') }}

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

district_totals as (

    {{ period_city_totals('district_metrics', district_sums) }}

),

-- “每个县市区”只含县市区（功能区不参与）
county_demo_sites as (

    select
        year,
        end_month,
        cast(min(demo_sites) as bigint) as demo_sites_min_county
    from district_metrics
    where is_county_level
    group by all

),

training_counts as (

    select
        p.year,
        p.end_month,
        cast(count(t.training_no) as bigint) as hazwaste_training_sessions,
        cast(coalesce(sum(t.participants), 0) as bigint) as hazwaste_trainees,
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
        pc.plots_surveyed,
        pc.plot_reports_completed,
        {{ qualified_columns('d', district_sums) }}
        m.demo_sites_min_county,
        t.hazwaste_training_sessions,
        t.hazwaste_trainees,
        t.hazwaste_trainees_approximate,
        {{ soil_rate('d.villages_sewage_done', 'd.villages_total') }} as sewage_treatment_rate,
        {{ soil_rate('d.water_bodies_eliminated', 'd.water_bodies_listed') }}
            as black_odorous_elimination_rate,
        {{ soil_rate('d.manure_utilised_t', 'd.manure_produced_t') }} as manure_utilisation_rate,
        {{ soil_rate('d.scale_farms_equipped', 'd.scale_farms') }} as scale_farm_equipment_rate,
        {{ soil_rate('d.large_scale_farms_equipped', 'd.large_scale_farms') }}
            as large_scale_farm_equipment_rate
    from periods as p
    inner join plot_counts as pc using (year, end_month)
    inner join district_totals as d using (year, end_month)
    left join county_demo_sites as m using (year, end_month)
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
