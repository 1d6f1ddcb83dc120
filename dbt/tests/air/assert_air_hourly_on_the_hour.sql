-- 小时数据的监测时间应为整点（小时结束时刻）；不是整点的行会被归到错误的小时标签（WARN）。
{{ config(severity='warn') }}

with

hourly as (

    select * from {{ ref('stg_air__hourly') }}

),

final as (

    select
        station_code,
        measured_at,
        _file_path,
        _row_number
    from hourly
    where date_trunc('hour', measured_at) <> measured_at

)

select * from final
