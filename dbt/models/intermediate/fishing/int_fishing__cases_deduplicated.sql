-- 联合执法去重：两个区县在各自台账中登记同一联合执法案件时只算一起。
-- 同一案件 = 同一联合执法行动编号 + 同一当事人假名键 + 同一案件性质；取立案日期最早的一条（其次区县、案件编号），
-- 罚款等取所留记录的值。非联合执法或无当事人证件号的登记各自为一案。
with

cases as (

    select * from {{ ref('stg_fishing__cases') }}

),

keyed as (

    select
        *,
        case
            when joint_operation_code is not null and offender_key is not null
                then 'J|' || joint_operation_code || '|' || offender_key || '|' || case_kind
            else 'R|' || record_id
        end as case_key
    from cases

),

ranked as (

    select
        *,
        row_number() over (partition by case_key order by opened_on, district, case_code) as record_rank,
        count(*) over (partition by case_key) as records_merged
    from keyed

),

final as (

    select * exclude (record_rank)
    from ranked
    where record_rank = 1

)

-- the columns of stg_fishing__cases, plus case_key and records_merged
select * from final  -- noqa: AM04
