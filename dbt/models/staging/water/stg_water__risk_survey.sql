-- 突发水污染事件风险隐患排查台账：1:1 对应 raw.water_risk_survey。企业联系人、联系电话为个人信息，不选入。
{% call staging_one_to_one('raw_water', 'water_risk_survey') %}
check_code,
enterprise_name,
enterprise_code,
district,
checked_on,
cast(coalesce(hazards_found, 0) as bigint) as hazards_found,
cast(coalesce(hazards_rectified, 0) as bigint) as hazards_rectified,
coalesce(cast(case_filed as boolean), false) as case_filed,
case_filed_on,
{% endcall %}
