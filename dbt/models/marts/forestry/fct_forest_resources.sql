-- 各区县 × 年度森林资源：面积为公顷（另给亩），蓄积为立方米；森林覆盖率 = 森林面积 / 土地总面积 × 100，
-- 由林业部门报送的面积计算，不采用表内填写的覆盖率。分子、分母一并存储，全市比率由加总后的面积重算。
with

resources as (

    select * from {{ ref('stg_forestry__forest_resources') }}

),

districts as (

    select * from {{ ref('districts') }}

),

final as (

    select
        r.report_year as year,
        cast(d.district_code as varchar) as district_code,
        r.district,
        r.land_area_ha,
        r.forest_area_ha,
        {{ convert_unit('r.forest_area_ha', "'公顷'", '亩') }} as forest_area_mu,
        r.growing_stock_m3,
        cast(r.forest_area_ha * 100 / nullif(r.land_area_ha, 0) as double) as coverage_pct,
        r._file_path,
        r._row_number
    from resources as r
    left join districts as d
        on r.district = d.district_name

)

select * from final
