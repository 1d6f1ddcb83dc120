-- 城镇污水处理厂名录：1:1 对应 raw.water_wwtp_plants；处理规模统一换算为 t/d（吨/日）。
{% call staging_one_to_one('raw_water', 'water_wwtp_plants') %}
plant_code,
plant_name,
district,
{{ convert_unit('design_capacity', 'design_capacity_unit', 't/d') }} as design_capacity_t_per_day,
operating_since,
{% endcall %}
