-- Two checks across layers: (1) the mart's 公顷 and 亩 areas converted back to the submitted unit equal
-- the raw cell (factors from reference.units); (2) each register's projects against its 合计 row,
-- in the file's own unit, with a finding naming file, sheet and row.
with units as (
    select unit, cast(to_base_factor as double) as factor from reference.units
),

round_trip as (
    select
        case
            when abs(f.area_ha * 15 / su.factor - r.area) <= 1e-6 * greatest(1, abs(r.area))
             and abs(f.area_mu / su.factor - r.area) <= 1e-6 * greatest(1, abs(r.area)) then 'ok'
            else format('{} 第{}行 项目 {}：报送 {} {}，集市 {} 公顷 / {} 亩 换算不回原值',
                        r._file_path, r._row_number, r.project_code, r.area, r.area_unit, f.area_ha, f.area_mu)
        end as round_trip_finding
    from raw.forestry_afforestation as r
    left join marts.fct_afforestation as f
        on f.project_code = r.project_code
    left join units as su
        on su.unit = coalesce(r.area_unit, '公顷')
),

details as (
    select _file_identity, sum(area) as details_sum
    from raw.forestry_afforestation
    group by _file_identity
),

totals as (
    select _file_identity, _file_path, _sheet, _row_number, format('面积（{}）', coalesce(area_unit, '未注明单位')) as metric, area as total_value
    from raw.forestry_afforestation_totals
)

select * from marts.fct_afforestation
union all by name
select round_trip_finding from round_trip
union all by name
select total_row_finding
from total_row_findings('details', 'totals', details_label := '项目', relative_tolerance := 1e-6)
