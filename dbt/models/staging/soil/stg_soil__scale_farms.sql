-- 规模养殖场台账：1:1 对应 raw.soil_scale_farms。
{% call staging_one_to_one('raw_soil', 'soil_scale_farms') %}
farm_code,
farm_name,
district,
species,
is_large_scale,
filed_on,
facility_equipped,
equipped_on,
{% endcall %}
