-- 集中式农村生活污水处理设施排查记录：1:1 对应 raw.soil_sewage_facility_inspections。
{% call staging_one_to_one('raw_soil', 'soil_sewage_facility_inspections') %}
inspection_no,
facility_code,
facility_name,
district,
village_name,
{{ convert_unit('design_capacity', 'design_capacity_unit', 't/d') }} as design_capacity_t_per_d,
inspected_on,
operating_status,
{% endcall %}
