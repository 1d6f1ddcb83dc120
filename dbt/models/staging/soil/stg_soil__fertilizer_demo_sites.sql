-- 有机肥补贴试点示范点名单：1:1 对应 raw.soil_fertilizer_demo_sites。
{% call staging_one_to_one('raw_soil', 'soil_fertilizer_demo_sites') %}
site_code,
{{ lineage_period_year() }} as pilot_year,
site_name,
district,
crop,
{{ convert_unit('area_mu', 'area_mu_unit', '亩') }} as area_mu,
area_mu_qualifier,
established_on,
{% endcall %}
