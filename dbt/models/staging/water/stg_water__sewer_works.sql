-- 城市污水管网月报：1:1 对应 raw.water_sewer_works 的区县行（合计行在 raw.water_sewer_works_totals，只用于核对）。长度统一换算为 km。
{% call staging_one_to_one('raw_water', 'water_sewer_works') %}
{{ lineage_period_month() }} as report_month,
district,
{%- for period in ['month', 'ytd'] %}
{{ convert_unit('surveyed_km_' ~ period, 'surveyed_km_' ~ period ~ '_unit', 'km') }}
    as surveyed_km_{{ period }},
cast(defects_fixed_{{ period }} as bigint) as defects_fixed_{{ period }},
cast(cross_connections_fixed_{{ period }} as bigint) as cross_connections_fixed_{{ period }},
{{ convert_unit('new_km_' ~ period, 'new_km_' ~ period ~ '_unit', 'km') }} as new_km_{{ period }},
cast(new_km_{{ period }}_qualifier as varchar) as new_km_{{ period }}_qualifier,
{{ convert_unit('dredged_km_' ~ period, 'dredged_km_' ~ period ~ '_unit', 'km') }}
    as dredged_km_{{ period }},
{%- endfor %}
black_odorous_supervised,
{% endcall %}
