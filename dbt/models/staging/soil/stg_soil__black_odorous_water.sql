-- 农村黑臭水体清单：1:1 对应 raw.soil_black_odorous_water。
{% call staging_one_to_one('raw_soil', 'soil_black_odorous_water') %}
water_body_code,
water_body_name,
district,
list_level,
listed_on,
treated_on,
accepted_on,
{% endcall %}
