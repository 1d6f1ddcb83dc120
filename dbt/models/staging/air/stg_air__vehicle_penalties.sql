-- 超标排放机动车查处台账：1:1 对应 raw.air_vehicle_penalties。
-- 号牌号码 plate_number 是个人信息，只留在 raw 层，此处不选。
{% call staging_one_to_one('raw_air', 'air_vehicle_penalties') %}
case_code,
district,
vehicle_type,
punished_on,
{{ convert_unit('fine_yuan', 'fine_yuan_unit', '元') }} as fine_yuan,
{% endcall %}
