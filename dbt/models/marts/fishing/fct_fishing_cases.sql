-- 禁捕执法案件事实表：一行一起案件（联合执法重复登记已去重，见 int_fishing__cases_deduplicated）。
-- 不含任何个人信息；offender_key 为假名键。
with

cases as (

    select * from {{ ref('int_fishing__cases_deduplicated') }}

),

districts as (

    select * from {{ ref('districts') }}

),

final as (

    select
        c.case_key,
        c.case_code,
        {{ fishing_record_keys('c', 'opened_on', 'd') }},
        c.case_kind,
        c.case_kind = '行政' as is_administrative,
        c.case_kind = '刑事' as is_criminal,
        c.violation_type,
        c.violation_type = '违规垂钓' as is_angling,
        c.lead_agency,
        c.joint_operation_code,
        c.offender_key,
        cast(c.records_merged as integer) as records_merged,
        cast(c.fine_yuan as double) as fine_yuan,
        cast(c.catch_kg as double) as catch_kg,
        c.is_transferred,
        {{ source_row_columns('c') }}
    from cases as c
    left join districts as d
        on c.district = d.district_name

)

select * from final
