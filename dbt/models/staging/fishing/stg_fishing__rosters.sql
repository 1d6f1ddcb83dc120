-- 禁捕护渔力量统计表：1:1 对应 raw.fishing_rosters 的区县行（合计行在 raw.fishing_rosters_totals，不进入此处）。
-- 统计截至日期为报送月的月末，报送月取自文件身份 _file_identity。各级人数留空表示该级没有人员，记为 0；
-- 表上的“小计”原样保留，只用于核对。
{% call staging_one_to_one('raw_fishing', 'fishing_rosters') %}
cast(last_day({{ lineage_period_month() }}) as date) as as_of_date,
district,
cast(coalesce(enforcement_staff, 0) as bigint) as enforcement_staff,
{%- for column in ['team_city', 'team_county', 'team_township',
                   'warden_county', 'warden_township', 'warden_village'] %}
cast(coalesce({{ column }}, 0) as bigint) as {{ column }},
{%- endfor %}
team_subtotal as team_subtotal_stated,
warden_subtotal as warden_subtotal_stated,
{% endcall %}
