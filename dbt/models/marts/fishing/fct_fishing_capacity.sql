-- 禁渔执法力量与设备（截至某日）：districts 种子全部区县 × 截至日期（力量统计表的截至日，及首次统计至最后一次
-- 统计或设备变动之间的每个月末）。
-- 人员取该期统计表的区县行（各级之和为队伍总人数，表上小计只用于核对）；设备由台账逐台日期计算：
-- 安装日期不晚于截至日、且未拆除或拆除日期晚于截至日的设备在用。
with

rosters as (

    select * from {{ ref('stg_fishing__rosters') }}

),

equipment as (

    select * from {{ ref('stg_fishing__equipment') }}

),

-- the roster dates and every month end from the first roster to the last roster, installation or removal,
-- so that a period ending between two rosters still has its equipment in service as of its own end
equipment_events as (

    select max(greatest(installed_on, coalesce(removed_on, installed_on))) as last_change
    from equipment

),

data_span as (

    select
        min(r.as_of_date) as first_as_of,
        greatest(max(r.as_of_date), coalesce(max(e.last_change), max(r.as_of_date))) as last_event
    from rosters as r
    cross join equipment_events as e

),

as_of_dates as (

    select as_of_date from rosters
    union
    select cast(last_day(month_start) as date) as as_of_date
    from data_span,
        generate_series(
            date_trunc('month', first_as_of), date_trunc('month', last_event), interval 1 month
        ) as months (month_start)

),

grid as (

    {{ period_district_grid('as_of_dates', ['as_of_date']) }}

),

equipment_in_service as (

    select
        g.district,
        g.as_of_date,
        cast(count(e.device_code) filter (where e.equipment_code = 'monitoring_points') as bigint)
            as monitoring_points,
        cast(count(e.device_code) filter (where e.equipment_code = 'optical_devices') as bigint)
            as optical_devices,
        cast(count(e.device_code) filter (where e.equipment_code = 'shared_radars') as bigint)
            as shared_radars,
        cast(count(e.device_code) filter (where e.equipment_code = 'small_target_radars') as bigint)
            as small_target_radars
    from grid as g
    left join equipment as e
        on g.district = e.district
        and g.as_of_date >= e.installed_on
        and (e.removed_on is null or g.as_of_date < e.removed_on)
    group by g.district, g.as_of_date

),

final as (

    select
        g.as_of_date,
        g.district_code,
        g.district,
        r.district is not null as is_submitted,
        r.enforcement_staff,
        r.team_city,
        r.team_county,
        r.team_township,
        r.team_city + r.team_county + r.team_township as patrol_team_members,
        r.team_subtotal_stated,
        r.warden_county,
        r.warden_township,
        r.warden_village,
        r.warden_county + r.warden_township + r.warden_village as grid_wardens,
        r.warden_subtotal_stated,
        e.monitoring_points,
        e.optical_devices,
        e.shared_radars,
        e.small_target_radars,
        {{ source_row_columns('r') }}
    from grid as g
    left join rosters as r using (district, as_of_date)
    left join equipment_in_service as e using (district, as_of_date)

)

select * from final
