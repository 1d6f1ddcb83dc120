-- 大气执法月报：1:1 对应 raw.air_enforcement（各区县行；合计行在 raw.air_enforcement_totals，不进入此处）。
-- 报送月份取自文件身份 _file_identity（登记 identity [period]），其次取文件名。
{% call staging_one_to_one('raw_air', 'air_enforcement') %}
{{ lineage_period_month() }} as report_month,
district,
{%- for metric in ['enterprises_verified', 'inspection_staff_times', 'inspection_enterprises',
                   'vocs_projects_done', 'diesel_trucks_retired', 'remote_monitors_installed',
                   'vehicles_blacklisted', 'vehicles_exposed'] %}
cast({{ metric }}_month as bigint) as {{ metric }}_month,
cast({{ metric }}_ytd as bigint) as {{ metric }}_ytd,
{%- endfor %}
{% endcall %}
