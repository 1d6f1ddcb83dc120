-- 重点排污单位名录：1:1 对应 raw.air_key_enterprises，排放量换算为吨（t）。
-- 名录年度取自文件身份 _file_identity（登记 identity [year]），其次取文件名。
{% call staging_one_to_one('raw_air', 'air_key_enterprises') %}
{{ lineage_period_year() }} as report_year,
enterprise_code,
enterprise_name,
district,
industry,
online_monitoring,
{%- for p in ['so2', 'nox', 'particulates', 'vocs'] %}
{{ convert_unit(p ~ '_t', p ~ '_t_unit', 't') }} as {{ p }}_t,
cast({{ p }}_t_qualifier as varchar) as {{ p }}_t_qualifier,
{%- endfor %}
{% endcall %}
