-- 造林绿化、森林抚育、退化林修复项目台账：1:1 对应 raw.forestry_afforestation，规范单位见模型 YAML。
{% call staging_one_to_one('raw_forestry', 'forestry_afforestation') %}
{{ lineage_period_year() }} as report_year,
project_code,
project_name,
district,
town,
work_type,
{{ staging_measure_as_submitted('area', '公顷', 'area_ha') }},
completed_on,
{% endcall %}
