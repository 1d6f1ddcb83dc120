-- 区县 × 年内累计期的农村生活污水治理：行政村台账按完成治理日期计“截至期末累计”与“期内完成”，
-- 集中式设施排查记录按每套设施的首次排查日期计“期内新增排查”。
with

grid as (

    select * from {{ ref('int_soil__district_periods') }}

),

villages as (

    select * from {{ ref('stg_soil__villages') }}

),

inspections as (

    select * from {{ ref('stg_soil__sewage_facility_inspections') }}

),

facilities as (

    select
        facility_code,
        arg_min(district, inspected_on) as district,
        min(inspected_on) as first_inspected_on
    from inspections
    group by facility_code

),

village_counts as (

    {% call period_district_counts('grid', 'villages', 'v') %}
        count(v.village_code) as villages_total,
        count(v.village_code) filter (where {{ soil_as_of('v.sewage_done_on') }}) as villages_sewage_done,
        count(v.village_code) filter (where {{ soil_in_period('v.sewage_done_on') }})
            as villages_sewage_done_in_period
    {% endcall %}

),

facility_counts as (

    {% call period_district_counts('grid', 'facilities', 'f') %}
        count(f.facility_code) filter (where {{ soil_in_period('f.first_inspected_on') }})
            as facilities_newly_inspected
    {% endcall %}

),

inspection_counts as (

    {% call period_district_counts('grid', 'inspections', 'i') %}
        count(i.inspection_no) filter (where {{ soil_in_period('i.inspected_on') }}) as facility_inspections,
        count(distinct i.facility_code) filter (where {{ soil_in_period('i.inspected_on') }})
            as facilities_inspected
    {% endcall %}

),

final as (

    {% call period_grid_rows({'v': 'village_counts', 'f': 'facility_counts', 'i': 'inspection_counts'}) %}
        cast(v.villages_total as bigint) as villages_total,
        cast(v.villages_sewage_done as bigint) as villages_sewage_done,
        cast(v.villages_sewage_done_in_period as bigint) as villages_sewage_done_in_period,
        {{ soil_rate('v.villages_sewage_done', 'v.villages_total') }} as sewage_treatment_rate,
        cast(f.facilities_newly_inspected as bigint) as facilities_newly_inspected,
        cast(i.facilities_inspected as bigint) as facilities_inspected,
        cast(i.facility_inspections as bigint) as facility_inspections
    {% endcall %}

)

select * from final
