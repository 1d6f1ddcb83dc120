-- 矿山生态修复工程项目台账：1:1 对应 raw.forestry_mine_restoration，规范单位见模型 YAML。
{% call staging_one_to_one('raw_forestry', 'forestry_mine_restoration') %}
project_code,
project_name,
district,
mine_category,
mine_category = '历史遗留废弃矿山' as is_abandoned_mine,
mine_code,
{{ staging_measure_as_submitted('restored_area', '公顷', 'restored_area_ha') }},
is_completed,
completed_on,
{% endcall %}
