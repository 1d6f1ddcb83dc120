-- 古树名木资源档案：1:1 对应 raw.forestry_ancient_trees，规范单位见模型 YAML。
{% call staging_one_to_one('raw_forestry', 'forestry_ancient_trees') %}
tree_id,
species,
district,
town,
cast(age_years as integer) as age_years,
age_years_qualifier as age_qualifier,
grade,
is_tagged,
tagged_on,
health,
repaired_on,
{{ convert_unit('repair_subsidy', 'repair_subsidy_unit', '元') }} as repair_subsidy_yuan,
{% endcall %}
