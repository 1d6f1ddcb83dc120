-- 地表水监测断面名录：1:1 对应 raw.water_sections。断面可同时属于国考、省考、市控多个考核集合。
-- 水质目标按报送写法（Ⅲ类、III、3、三类…；接入时全角罗马数字已被 NFKC 规范为 III）对照 water_quality_classes 的别名解析为类别序号。
{% set target_class_lookup %}
    left join {{ ref('water_quality_classes') }} as c
        on list_contains(
            string_split(c.aliases, '|'),
            upper(replace(replace(s.target_class, '类', ''), ' ', ''))
        )
{% endset -%}
{% call staging_one_to_one('raw_water', 'water_sections', alias='s', joins=target_class_lookup) %}
s.section_code,
s.section_name,
s.district,
s.water_body,
case s.water_body_type when '河流' then 'river' when '湖库' then 'lake' end as water_body_type,
s.is_national,
s.is_provincial,
s.is_city,
s.target_class as target_class_reported,
cast(c.class_no as integer) as target_class_no,
{% endcall %}
