-- 涉危险废物环境违法案件台账：1:1 对应 raw.soil_hazwaste_cases。
{% call staging_one_to_one('raw_soil', 'soil_hazwaste_cases') %}
case_no,
filed_on,
district,
party_name,
violation_type,
{{ convert_unit('fine', 'fine_unit', '元') }} as fine_yuan,
{% endcall %}
