-- 国控站点小时数据：1:1 对应 raw.air_hourly，浓度换算为规范单位（CO mg/m3，其余 ug/m3）。
{% call staging_one_to_one('raw_air', 'air_hourly') %}
station_code,
station_name,
measured_at,
{{ convert_unit('so2', 'so2_unit', 'ug/m3') }} as so2,
{{ convert_unit('no2', 'no2_unit', 'ug/m3') }} as no2,
{{ convert_unit('co', 'co_unit', 'mg/m3') }} as co,
{{ convert_unit('o3', 'o3_unit', 'ug/m3') }} as o3,
{{ convert_unit('pm10', 'pm10_unit', 'ug/m3') }} as pm10,
{{ convert_unit('pm25', 'pm25_unit', 'ug/m3') }} as pm25,
co_unit as co_reported_unit,
{% endcall %}
