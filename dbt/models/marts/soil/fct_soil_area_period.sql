-- 土壤与农村环境指标的地区 × 期间（契约表）：area = 城市（全市，取 fct_soil_city_period）或区县（各区县集市）。
-- 区县行取 int_soil__district_period_metrics。期间只取土壤领域报送所覆盖的年份：
-- 自粪污月报（本领域唯一的定期报表）最早报送期所在年起；更早年份只有带日期的台账，那里不产出 0 值。
with

city_periods as (

    select * from {{ ref('fct_soil_city_period') }}

),

district_metrics as (

    select * from {{ ref('int_soil__district_period_metrics') }}

),

first_reported_year as (

    select min(year) as first_year
    from district_metrics
    where form_months_submitted > 0

),

-- 粪污月报：期内每月都已报送才算完整（区县行看本区县，全市行看全部区县）
manure_forms as (

    select
        district,
        year,
        end_month,
        form_months_submitted = end_month as is_form_complete
    from district_metrics

),

city_forms as (

    select
        year,
        end_month,
        bool_and(is_form_complete) as is_form_complete
    from manure_forms
    group by year, end_month

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
        d.district as area,
        d.year,
        d.end_month,
        d.plots_surveyed,
        d.sewage_facilities_newly_inspected,
        d.villages_sewage_done_in_period,
        d.villages_sewage_done,
        d.villages_total,
        d.sewage_treatment_rate,
        d.water_bodies_treated_in_period,
        d.water_bodies_eliminated,
        d.water_bodies_listed,
        d.black_odorous_elimination_rate,
        d.subsidy_farms_applied,
        d.subsidy_yuan,
        d.manure_utilised_t,
        d.manure_produced_t,
        d.manure_utilisation_rate,
        d.scale_farms_equipped,
        d.scale_farms,
        d.scale_farm_equipment_rate,
        case when d.is_county_level then d.demo_sites end as demo_sites_min_county,
        d.hazwaste_enterprises_checked,
        d.hazwaste_problems_found,
        d.hazwaste_cases,
        cast(null as bigint) as hazwaste_trainees,
        cast(null as varchar) as hazwaste_trainees_qualifier,
        d.rural_unannounced_inspections,
        d.rural_reward_funds_yuan,
        coalesce(f.is_form_complete, false) as is_manure_form_complete
    from district_metrics as d
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
