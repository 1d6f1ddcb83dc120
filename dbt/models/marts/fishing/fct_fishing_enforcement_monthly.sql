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
        {{- period_zero_filled('p', {
            'patrols': 'bigint', 'joint_patrols': 'bigint', 'staff_times': 'bigint', 'vehicle_times': 'bigint',
            'boat_times': 'bigint', 'water_km': 'double'
        }) }},
        {{- period_zero_filled('c', {
            'cases_total': 'bigint', 'admin_cases': 'bigint', 'admin_angling_cases': 'bigint',
            'criminal_cases': 'bigint', 'transferred_cases': 'bigint', 'fines_yuan': 'double'
        }) }},
        cast(100.0 * c.admin_angling_cases / nullif(c.admin_cases, 0) as double) as admin_angling_share_pct,
        {{- period_zero_filled('f', {
            'nets_removed': 'double', 'nets_removed_length_m': 'double', 'unlicensed_boats_cleared': 'double',
            'self_use_boats_managed': 'double'
        }) }}
    from grid as g
    left join patrol_sums as p using (district, month_start)
    left join case_sums as c using (district, month_start)
    left join confiscation_sums as f using (district, month_start)

)

select * from final
