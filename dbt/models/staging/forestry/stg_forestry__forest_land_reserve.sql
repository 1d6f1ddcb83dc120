-- 补充林地储备库入库台账：1:1 对应 raw.forestry_forest_land_reserve，规范单位见模型 YAML。
{% call staging_one_to_one('raw_forestry', 'forestry_forest_land_reserve') %}
{{ lineage_period_year() }} as report_year,
parcel_code,
district,
town,
{{ staging_measure_as_submitted('area', '公顷', 'area_ha') }},
accepted_on,
{% endcall %}
