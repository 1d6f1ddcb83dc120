-- 地表水监测断面名录：1:1 对应 raw.water_sections。断面可同时属于国考、省考、市控多个考核集合。
-- 水质目标按报送写法（Ⅲ类、III、3、三类…；接入时全角罗马数字已被 NFKC 规范为 III）对照 water_quality_classes 的别名解析为类别序号。
with

source as (

    select * from {{ source('raw_water', 'water_sections') }}

),

classes as (

    select
        class_no,
        aliases
    from {{ ref('water_quality_classes') }}

),

renamed as (

    select
        section_code,
        section_name,
        district,
        water_body,
        case water_body_type when '河流' then 'river' when '湖库' then 'lake' end as water_body_type,
        is_national,
        is_provincial,
        is_city,
        target_class as target_class_reported,
        {{ lineage_columns() }}
    from source

),

final as (

    select
        r.section_code,
        r.section_name,
        r.district,
        r.water_body,
        r.water_body_type,
        r.is_national,
        r.is_provincial,
        r.is_city,
        r.target_class_reported,
        cast(c.class_no as integer) as target_class_no,
        {{ lineage_columns('r') }}
    from renamed as r
    left join classes as c
        on list_contains(
            string_split(c.aliases, '|'),
            upper(replace(replace(r.target_class_reported, '类', ''), ' ', ''))
        )

)

select * from final
