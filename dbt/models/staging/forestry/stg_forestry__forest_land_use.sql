-- 使用林地审核审批台账：1:1 对应 raw.forestry_forest_land_use，规范单位见模型 YAML。
{% call staging_one_to_one('raw_forestry', 'forestry_forest_land_use') %}
{{ lineage_period_year() }} as report_year,
approval_code,
project_name,
district,
{{ staging_measure_as_submitted('area', '公顷', 'area_ha') }},
approved_on,
{% endcall %}
