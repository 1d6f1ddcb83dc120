-- 禁捕执法巡查事实表：一行一次巡查（各月台账的最新版本），附区县代码与来源行。
with

patrols as (

    select * from {{ ref('stg_fishing__patrols') }}

),

districts as (

    select * from {{ ref('districts') }}

),

final as (

    select
        p.patrol_code,
        {{ fishing_record_keys('p', 'patrol_date', 'd') }},
        p.water_body,
        p.patrol_mode,
        p.is_joint,
        p.lead_agency,
        p.staff_times,
        p.vehicle_times,
        p.boat_times,
        cast(p.water_km as double) as water_km,
        {{ source_row_columns('p') }}
    from patrols as p
    left join districts as d
        on p.district = d.district_name

)

select * from final
