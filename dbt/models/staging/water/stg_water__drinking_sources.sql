-- 集中式饮用水水源地名录：1:1 对应 raw.water_drinking_sources。湖库型水源按湖库总磷限值评价，其余按河流。
{% call staging_one_to_one('raw_water', 'water_drinking_sources') %}
source_code,
source_name,
district,
source_level,
source_type,
case when source_type = '湖库型' then 'lake' else 'river' end as water_body_type,
status,
revoked_on,
{% endcall %}
