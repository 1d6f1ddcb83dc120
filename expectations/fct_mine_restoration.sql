-- Restored area of each listed abandoned mine (completed projects, all years) against the area the
-- verified list says needs restoring: more restored than listed would inflate the restoration rate.
with restored as (
    select mine_code, any_value(listed_area_ha) as listed_area_ha, sum(restored_area_ha) as restored_area_ha
    from marts.fct_mine_restoration
    where is_abandoned_mine and is_completed and mine_code is not null
    group by mine_code
),

findings as (
    select
        case
            when restored_area_ha <= listed_area_ha + 1e-6 then 'ok'
            else format('废弃矿山 {}：已修复 {} 公顷 > 名录需修复 {} 公顷', mine_code, round(restored_area_ha, 4),
                        coalesce(cast(listed_area_ha as varchar), '（不在名录）'))
        end as listed_area_finding
    from restored
)

select *, null::varchar as listed_area_finding from marts.fct_mine_restoration
union all by name
select listed_area_finding from findings
