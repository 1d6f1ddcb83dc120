-- 以奖代补资金下达表的“合计”行：1:1 对应 raw.soil_rural_reward_funds_totals，只供核对，不作为指标来源。
{% call staging_one_to_one('raw_soil', 'soil_rural_reward_funds_totals', totals_row=true) %}
{{ convert_unit('amount', 'amount_unit', '元') }} as amount_yuan,
{% endcall %}
