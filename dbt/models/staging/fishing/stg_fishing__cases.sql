-- 禁捕执法案件登记台账：1:1 对应 raw.fishing_cases。当事人姓名、身份证号码、船号或车牌号是个人信息，
-- 不被选出；offender_key 是装载时由身份证号码计算的带密钥假名（HMAC，dagster_project/privacy.py），用于联合执法重复案件的去重。
-- 罚款统一换算为元、渔获物为 kg（convert_unit）。
{% call staging_one_to_one('raw_fishing', 'fishing_cases') %}
_file_identity || '|' || cast(case_code as varchar) as record_id,
case_code,
opened_on,
district,
case_kind,
violation_type,
lead_agency,
cast(nullif(trim(joint_operation), '') as varchar) as joint_operation_code,
offender_key,
round({{ convert_unit('fine_yuan', 'fine_yuan_unit', '元') }}, 2) as fine_yuan,
{{ convert_unit('catch_kg', 'catch_kg_unit', 'kg') }} as catch_kg,
coalesce(transferred, false) as is_transferred,
{% endcall %}
