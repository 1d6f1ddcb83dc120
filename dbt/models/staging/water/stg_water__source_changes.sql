-- 饮用水水源地撤销、整并清单：1:1 对应 raw.water_source_changes（逐个水源地，含批复日期）。
{% call staging_one_to_one('raw_water', 'water_source_changes') %}
change_code,
source_name,
district,
source_level,
change_type,
merged_into,
approved_on,
approval_document,
{% endcall %}
