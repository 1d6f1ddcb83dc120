-- 野生动物收容救护登记簿：1:1 对应 raw.forestry_wildlife_rescue，规范单位见模型 YAML。
{% call staging_one_to_one('raw_forestry', 'forestry_wildlife_rescue') %}
rescue_code,
received_on,
district,
species,
protection_class,
animals_reported,
animals_rescued,
animals_survived,
outcome,
{% endcall %}
