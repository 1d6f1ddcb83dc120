-- 林地：补充林地储备库入库地块与批准使用林地，一行一条记录，面积公顷（另给亩），日期决定所属期间。
with

reserve as (

    select * from {{ ref('stg_forestry__forest_land_reserve') }}

),

land_use as (

    select * from {{ ref('stg_forestry__forest_land_use') }}

),

unioned as (

    select
        '补充林地储备' as record_kind,
        parcel_code as record_code,
        district,
        accepted_on as dated_on,
        area_ha,
        _file_path,
        _row_number
    from reserve

    union all

    select
        '批准使用林地' as record_kind,
        approval_code as record_code,
        district,
        approved_on as dated_on,
        area_ha,
        _file_path,
        _row_number
    from land_use

),

final as (

    select
        cast(record_kind as varchar) as record_kind,
        cast(record_code as varchar) as record_code,
        cast(district as varchar) as district,
        cast(dated_on as date) as dated_on,
        cast(year(dated_on) as integer) as year,
        cast(area_ha as double) as area_ha,
        {{ convert_unit('area_ha', "'公顷'", '亩') }} as area_mu,
        cast(_file_path as varchar) as _file_path,
        cast(_row_number as integer) as _row_number
    from unioned

)

select * from final
