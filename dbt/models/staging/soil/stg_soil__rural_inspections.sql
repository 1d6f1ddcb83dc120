-- 农村环境整治督查暗访记录：1:1 对应 raw.soil_rural_inspections。
{% call staging_one_to_one('raw_soil', 'soil_rural_inspections') %}
inspection_no,
inspected_on,
district,
inspection_form,
problems_found,
{% endcall %}
