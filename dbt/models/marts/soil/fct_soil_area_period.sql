-- 土壤与农村环境指标的地区 × 期间（契约表）：area = 城市（全市，取 fct_soil_city_period）或区县（各区县集市）。
-- 地块调查按地块所在区县、与全市同一“开展”规则（宏 soil_survey_active）计。期间只取土壤领域报送所覆盖的年份：
-- 自粪污月报（本领域唯一的定期报表）最早报送期所在年起；更早年份只有带日期的台账，那里不产出 0 值。
with

city_periods as (

    select * from {{ ref('fct_soil_city_period') }}

),

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

first_reported_year as (

    select min(year) as first_year
    from livestock_manure
    where form_months_submitted > 0

),

-- 粪污月报：期内每月都已报送才算完整（区县行看本区县，全市行看全部区县）
manure_forms as (

    select
        district,
        year,
        end_month,
        form_months_submitted = end_month as is_form_complete
    from livestock_manure

),

city_forms as (

    select
        year,
        end_month,
        bool_and(is_form_complete) as is_form_complete
    from manure_forms
    group by year, end_month

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

city_rows as (

    select
        {{ city_label() }} as area,
        c.year,
        c.end_month,
        c.plots_surveyed,
        c.sewage_facilities_newly_inspected,
        c.villages_sewage_done_in_period,
        c.villages_sewage_done,
        c.villages_total,
        c.sewage_treatment_rate,
        c.water_bodies_treated_in_period,
        c.water_bodies_eliminated,
        c.water_bodies_listed,
        c.black_odorous_elimination_rate,
        c.subsidy_farms_applied,
        c.subsidy_yuan,
        c.manure_utilised_t,
        c.manure_produced_t,
        c.manure_utilisation_rate,
        c.scale_farms_equipped,
        c.scale_farms,
        c.scale_farm_equipment_rate,
        c.demo_sites_min_county,
        c.hazwaste_enterprises_checked,
        c.hazwaste_problems_found,
        c.hazwaste_cases,
        c.hazwaste_trainees,
        case when c.hazwaste_trainees_approximate then 'approx_inputs' end as hazwaste_trainees_qualifier,
        c.rural_unannounced_inspections,
        c.rural_reward_funds_yuan,
        coalesce(f.is_form_complete, false) as is_manure_form_complete
    from city_periods as c
    left join city_forms as f using (year, end_month)

),

-- “每个县市区”只含县市区（功能区不参与）：区县行的示范点数为本县市区的，功能区为空
district_rows as (

    select
        g.district as area,
        g.year,
        g.end_month,
        p.plots_surveyed,
        s.facilities_newly_inspected as sewage_facilities_newly_inspected,
        s.villages_sewage_done_in_period,
        s.villages_sewage_done,
        s.villages_total,
        s.sewage_treatment_rate,
        b.water_bodies_treated_in_period,
        b.water_bodies_eliminated,
        b.water_bodies_listed,
        b.elimination_rate as black_odorous_elimination_rate,
        l.subsidy_farms_applied,
        l.subsidy_yuan,
        l.manure_utilised_t,
        l.manure_produced_t,
        l.manure_utilisation_rate,
        l.scale_farms_equipped,
        l.scale_farms,
        l.scale_farm_equipment_rate,
        case when l.is_county_level then l.demo_sites end as demo_sites_min_county,
        h.enterprises_checked as hazwaste_enterprises_checked,
        h.problems_found as hazwaste_problems_found,
        h.violation_cases as hazwaste_cases,
        cast(null as bigint) as hazwaste_trainees,
        cast(null as varchar) as hazwaste_trainees_qualifier,
        e.unannounced_inspections as rural_unannounced_inspections,
        e.reward_funds_yuan as rural_reward_funds_yuan,
        coalesce(f.is_form_complete, false) as is_manure_form_complete
    from district_periods as g
    left join district_plots as p using (district, year, end_month)
    left join rural_sewage as s using (district, year, end_month)
    left join black_odorous_water as b using (district, year, end_month)
    left join livestock_manure as l using (district, year, end_month)
    left join hazardous_waste as h using (district, year, end_month)
    left join rural_environment as e using (district, year, end_month)
    left join manure_forms as f using (district, year, end_month)

),

final as (

    select * from city_rows
    union all
    select * from district_rows

)

select f.*
from final as f
cross join first_reported_year as r
where f.year >= r.first_year
