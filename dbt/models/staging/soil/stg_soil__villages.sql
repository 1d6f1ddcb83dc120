-- 行政村生活污水治理台账：1:1 对应 raw.soil_villages。
{% call staging_one_to_one('raw_soil', 'soil_villages') %}
village_code,
village_name,
township,
district,
treatment_mode,
sewage_done_on,
{% endcall %}
