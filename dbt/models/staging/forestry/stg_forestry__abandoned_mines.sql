-- 历史遗留废弃矿山名录：1:1 对应 raw.forestry_abandoned_mines，规范单位见模型 YAML。
{% call staging_one_to_one('raw_forestry', 'forestry_abandoned_mines') %}
mine_code,
mine_name,
district,
mineral,
mine_type,
mine_type = '非煤矿山' as is_non_coal,
{{ staging_measure_as_submitted('listed_area', '公顷', 'listed_area_ha') }},
{% endcall %}
