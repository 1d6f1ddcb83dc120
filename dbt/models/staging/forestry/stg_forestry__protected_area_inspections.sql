-- 自然保护地和重要湿地排查整治台账：1:1 对应 raw.forestry_protected_area_inspections，规范单位见模型 YAML。
{% call staging_one_to_one('raw_forestry', 'forestry_protected_area_inspections') %}
site_code,
site_name,
site_type,
district,
inspected_on,
problems_found,
problems_fixed,
{% endcall %}
