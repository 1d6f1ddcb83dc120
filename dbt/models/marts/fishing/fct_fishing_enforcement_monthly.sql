-- 区县 × 月份禁渔执法汇总：districts 种子全部区县 × 巡查、案件、清理取缔中出现过的全部月份。
-- 全部由明细行按日期汇总（巡查按巡查日期，案件按去重后的立案日期，清理按清理日期）；比例同时存分子和分母。
with

patrols as (

    select * from {{ ref('fct_fishing_patrols') }}

),

cases as (

    select * from {{ ref('fct_fishing_cases') }}

),

confiscations as (

    select * from {{ ref('fct_fishing_confiscations') }}

),

patrol_sums as (

    {% call period_district_months('patrols', 'patrol_date') %}
        count(*) as patrols,
        count(*) filter (where is_joint) as joint_patrols,
        sum(staff_times) as staff_times,
        sum(vehicle_times) as vehicle_times,
        sum(boat_times) as boat_times,
        sum(water_km) as water_km
    {% endcall %}

),

case_sums as (

    {% call period_district_months('cases', 'opened_on') %}
        count(*) as cases_total,
        count(*) filter (where is_administrative) as admin_cases,
        count(*) filter (where is_administrative and is_angling) as admin_angling_cases,
        count(*) filter (where is_criminal) as criminal_cases,
        count(*) filter (where is_transferred) as transferred_cases,
        sum(fine_yuan) as fines_yuan
    {% endcall %}

),

confiscation_sums as (

    {% call period_district_months('confiscations', 'action_date') %}
        sum(counted_quantity) filter (where item_code = 'nets') as nets_removed,
        sum(length_m) filter (where item_code = 'nets') as nets_removed_length_m,
        sum(counted_quantity) filter (where item_code = 'unlicensed_boats') as unlicensed_boats_cleared,
        sum(counted_quantity) filter (where item_code = 'self_use_boats') as self_use_boats_managed
    {% endcall %}

),

months as (

    select month_start from patrol_sums
    union
    select month_start from case_sums
    union
    select month_start from confiscation_sums

),

grid as (

    {{ period_district_grid('months', ['month_start']) }}

),

final as (

    select
        {{ period_month_grid_columns('g') }},
        cast(coalesce(p.patrols, 0) as bigint) as patrols,
        cast(coalesce(p.joint_patrols, 0) as bigint) as joint_patrols,
        cast(coalesce(p.staff_times, 0) as bigint) as staff_times,
        cast(coalesce(p.vehicle_times, 0) as bigint) as vehicle_times,
        cast(coalesce(p.boat_times, 0) as bigint) as boat_times,
        cast(coalesce(p.water_km, 0) as double) as water_km,
        cast(coalesce(c.cases_total, 0) as bigint) as cases_total,
        cast(coalesce(c.admin_cases, 0) as bigint) as admin_cases,
        cast(coalesce(c.admin_angling_cases, 0) as bigint) as admin_angling_cases,
        cast(100.0 * c.admin_angling_cases / nullif(c.admin_cases, 0) as double) as admin_angling_share_pct,
        cast(coalesce(c.criminal_cases, 0) as bigint) as criminal_cases,
        cast(coalesce(c.transferred_cases, 0) as bigint) as transferred_cases,
        cast(coalesce(c.fines_yuan, 0) as double) as fines_yuan,
        cast(coalesce(f.nets_removed, 0) as double) as nets_removed,
        cast(coalesce(f.nets_removed_length_m, 0) as double) as nets_removed_length_m,
        cast(coalesce(f.unlicensed_boats_cleared, 0) as double) as unlicensed_boats_cleared,
        cast(coalesce(f.self_use_boats_managed, 0) as double) as self_use_boats_managed
    from grid as g
    left join patrol_sums as p using (district, month_start)
    left join case_sums as c using (district, month_start)
    left join confiscation_sums as f using (district, month_start)

)

select * from final
