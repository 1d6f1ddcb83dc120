-- 污水处理厂新建、扩建、提标改造项目台账：1:1 对应 raw.water_wwtp_projects；新增处理能力换算为 t/d。
{% call staging_one_to_one('raw_water', 'water_wwtp_projects') %}
project_code,
plant_code,
project_name,
project_type,
coalesce(
    {{ convert_unit('capacity_added', 'capacity_added_unit', 't/d') }}, 0
) as capacity_added_t_per_day,
started_on,
completed_on,
{% endcall %}
