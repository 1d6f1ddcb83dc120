-- 畜禽粪污资源化利用奖补申报：1:1 对应 raw.soil_manure_subsidies。
{% call staging_one_to_one('raw_soil', 'soil_manure_subsidies') %}
application_no,
farm_code,
farm_name,
district,
applied_on,
{{ convert_unit('subsidy_amount', 'subsidy_amount_unit', '元') }} as subsidy_yuan,
{% endcall %}
