-- 畜禽粪污产生与资源化利用月报：1:1 对应 raw.soil_manure_monthly。
{% call staging_one_to_one('raw_soil', 'soil_manure_monthly') %}
{{ lineage_period_month() }} as report_month,
district,
{{ staging_soil_manure_tonnes() }},
{% endcall %}
