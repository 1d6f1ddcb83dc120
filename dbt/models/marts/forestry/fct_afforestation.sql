-- 造林绿化、森林抚育、退化林修复：一行一个项目。面积以公顷为规范单位，另给报告使用的亩。
-- 只有有完成日期的项目计入完成量（在建项目 is_completed 为否）。
with

projects as (

    select * from {{ ref('stg_forestry__afforestation') }}

),

districts as (

    select * from {{ ref('districts') }}

),

final as (

    select
        p.project_code,
        p.project_name,
        cast(d.district_code as varchar) as district_code,
        p.district,
        p.town,
        p.work_type,
        p.report_year,
        p.completed_on is not null as is_completed,
        p.completed_on,
        cast(year(p.completed_on) as integer) as completed_year,
        cast(month(p.completed_on) as integer) as completed_month,
        p.area_ha,
        {{ convert_unit('p.area_ha', "'公顷'", '亩') }} as area_mu,
        p.area_submitted,
        p.area_unit,
        p._file_path,
        p._row_number
    from projects as p
    left join districts as d
        on p.district = d.district_name

)

select * from final
