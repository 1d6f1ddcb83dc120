-- 水泥熟料生产线台账：1:1 对应 raw.air_cement_lines，设计产能换算为 t/d。
{% call staging_one_to_one('raw_air', 'air_cement_lines') %}
line_code,
enterprise_name,
district,
{{ convert_unit('capacity_t_per_day', 'capacity_t_per_day_unit', 't/d') }} as capacity_t_per_day,
in_production,
meets_provincial_standard,
checked_on,
{% endcall %}
