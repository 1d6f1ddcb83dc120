-- 清理取缔事实表：一行一次登记。counted_quantity 只在该（类别, 单位）计入项目计数时有值（网具按顶、张、条），
-- length_m 只在按米计量时有值；两者从不相加。
with

confiscations as (

    select * from {{ ref('stg_fishing__confiscations') }}

),

districts as (

    select * from {{ ref('districts') }}

),

final as (

    select
        c.action_code,
        {{ fishing_record_keys('c', 'action_date', 'd') }},
        c.agency,
        c.water_body,
        c.item_code,
        c.item_label,
        c.quantity,
        c.quantity_unit,
        c.measure,
        case when c.measure = 'count' and c.counts_toward_item then c.quantity end as counted_quantity,
        case when c.measure = 'length' then c.quantity end as length_m,
        {{ source_row_columns('c') }}
    from confiscations as c
    left join districts as d
        on c.district = d.district_name

)

select * from final
