-- 监测站点名录：1:1 对应 raw.air_stations（当前台账）。
{% call staging_one_to_one('raw_air', 'air_stations') %}
station_code,
station_name,
district,
station_level,
is_city_evaluation,
started_on,
stopped_on,
longitude,
latitude,
{% endcall %}
