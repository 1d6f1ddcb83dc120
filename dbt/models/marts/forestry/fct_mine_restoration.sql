-- 矿山生态修复工程：一行一个项目，附所修复废弃矿山的名录信息（矿山类型、需修复面积）。在建与生产矿山项目无名录矿山。
with

projects as (

    select * from {{ ref('stg_forestry__mine_restoration') }}

),

mines as (

    select * from {{ ref('stg_forestry__abandoned_mines') }}

),

final as (

    select
        p.project_code,
        p.project_name,
        p.district,
        p.mine_category,
        p.is_abandoned_mine,
        p.mine_code,
        m.mine_type,
        coalesce(m.is_non_coal, false) as is_non_coal_abandoned_mine,
        m.listed_area_ha,
        p.restored_area_ha,
        {{ convert_unit('p.restored_area_ha', "'公顷'", '亩') }} as restored_area_mu,
        p.is_completed,
        p.completed_on,
        cast(year(p.completed_on) as integer) as completed_year,
        p._file_path,
        p._row_number
    from projects as p
    left join mines as m
        on p.mine_code = m.mine_code

)

select * from final
