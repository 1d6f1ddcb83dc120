-- 畜禽粪污月报的“合计”行：1:1 对应 raw.soil_manure_monthly_totals，只供核对（GX 检查各区县之和），不作为指标来源。
{% call staging_one_to_one('raw_soil', 'soil_manure_monthly_totals', totals_row=true) %}
{{ lineage_period_month() }} as report_month,
{{ staging_soil_manure_tonnes() }},
{% endcall %}
