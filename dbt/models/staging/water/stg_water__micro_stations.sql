-- 水质自动监测微站台账：1:1 对应 raw.water_micro_stations（建设方式与建成日期）。
{% call staging_one_to_one('raw_water', 'water_micro_stations') %}
station_code,
station_name,
source_code,
district,
build_type,
completed_on,
{% endcall %}
