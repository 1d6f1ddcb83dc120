-- 农村环境整治以奖代补资金下达表：1:1 对应 raw.soil_rural_reward_funds。
{% call staging_one_to_one('raw_soil', 'soil_rural_reward_funds') %}
document_no,
district,
allocated_on,
{{ convert_unit('amount', 'amount_unit', '元') }} as amount_yuan,
{% endcall %}
