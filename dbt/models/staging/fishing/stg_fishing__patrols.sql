-- 禁捕执法巡查台账：1:1 对应 raw.fishing_patrols（逐次巡查）。里程统一换算为公里（convert_unit）。
-- 台账中车辆、船艇、里程留空表示本次未出动，记为 0，以便按期求和。
{% call staging_one_to_one('raw_fishing', 'fishing_patrols') %}
patrol_code,
patrol_date,
district,
water_body,
patrol_mode,
patrol_mode = '联合执法' as is_joint,
lead_agency,
staff as staff_times,
cast(coalesce(vehicles, 0) as bigint) as vehicle_times,
cast(coalesce(boats, 0) as bigint) as boat_times,
coalesce({{ convert_unit('water_km', 'water_km_unit', 'km') }}, 0) as water_km,
{% endcall %}
