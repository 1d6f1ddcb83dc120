-- 水污染防治资金项目：1:1 对应 raw.water_funds；金额统一换算为元，约数标记保留。
{% call staging_one_to_one('raw_water', 'water_funds') %}
{{ lineage_period_year() }} as register_year,
project_code,
project_name,
district,
fund_type,
{{ convert_unit('amount', 'amount_unit', '元') }} as amount_yuan,
amount_qualifier,
issued_on,
document,
{% endcall %}
