-- 危险废物规范化环境管理评估检查记录：1:1 对应 raw.soil_hazwaste_inspections。
{% call staging_one_to_one('raw_soil', 'soil_hazwaste_inspections') %}
check_no,
enterprise_code,
enterprise_name,
district,
enterprise_kind,
checked_on,
problems_found,
problems_rectified,
{% endcall %}
