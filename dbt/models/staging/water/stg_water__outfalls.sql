-- 长江入河排污口台账：1:1 对应 raw.water_outfalls（各区县最新版本台账的当前行；进度以日期记录）。
{% call staging_one_to_one('raw_water', 'water_outfalls') %}
outfall_code,
outfall_name,
district,
receiving_water,
is_main_stem,
outfall_type,
found_on,
sign_erected_on,
monitored_on,
plan_written_on,
remediated_on,
{% endcall %}
