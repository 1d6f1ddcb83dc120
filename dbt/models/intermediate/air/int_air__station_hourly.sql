-- 站点小时：自然日与小时标签（CNEMC 小时结束时刻：自然日 = (measured_at − 1小时) 的日期，小时标签 1…24），
-- 以及当日该站是否参与城市评价（名录 is_city_evaluation 且日期在启用—停用日期之间，两端均含）。
with

hourly as (

    select * from {{ ref('stg_air__hourly') }}

),

stations as (

    select * from {{ ref('stg_air__stations') }}

),

hour_labelled as (

    select
        hourly.station_code,
        hourly.station_name as reported_station_name,
        hourly.measured_at,
        cast(hourly.measured_at - interval 1 hour as date) as obs_date,
        cast(extract(hour from hourly.measured_at - interval 1 hour) + 1 as integer) as hour_label,
        hourly.so2,
        hourly.no2,
        hourly.co,
        hourly.o3,
        hourly.pm10,
        hourly.pm25,
        hourly._file_path,
        hourly._row_number,
        hourly._load_batch
    from hourly

),

final as (

    select
        h.station_code,
        coalesce(s.station_name, h.reported_station_name) as station_name,
        h.measured_at,
        h.obs_date,
        h.hour_label,
        h.so2,
        h.no2,
        h.co,
        h.o3,
        h.pm10,
        h.pm25,
        s.station_code is not null as is_in_register,
        coalesce(
            s.is_city_evaluation
            and h.obs_date >= s.started_on
            and (s.stopped_on is null or h.obs_date <= s.stopped_on),
            false
        ) as is_city_evaluation,
        h._file_path,
        h._row_number,
        h._load_batch
    from hour_labelled as h
    left join stations as s
        on h.station_code = s.station_code

)

select * from final
