-- 森林资源主要指标统计表：1:1 对应 raw.forestry_forest_resources，规范单位见模型 YAML。
{% call staging_one_to_one('raw_forestry', 'forestry_forest_resources') %}
{{ lineage_period_year() }} as report_year,
district,
{{ staging_measure_as_submitted('land_area', '公顷', 'land_area_ha') }},
{{ staging_measure_as_submitted('forest_area', '公顷', 'forest_area_ha') }},
{{ convert_unit('growing_stock', 'growing_stock_unit', 'm3') }} as growing_stock_m3,
coalesce(growing_stock_unit, 'm3') as growing_stock_unit,
{% endcall %}
