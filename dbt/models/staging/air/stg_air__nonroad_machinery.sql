-- 非道路移动机械编码登记台账：1:1 对应 raw.air_nonroad_machinery。
{% call staging_one_to_one('raw_air', 'air_nonroad_machinery') %}
registration_code,
district,
machine_type,
emission_stage,
registered_on,
{% endcall %}
