-- 站点小时：自然日与小时标签（CNEMC 小时结束时刻：自然日 = (measured_at − 1小时) 的日期，小时标签 1…24），
-- 以及当日该站是否参与城市评价（名录 is_city_evaluation 且日期在启用—停用日期之间，两端均含）。
-- 增量（delete+insert，按自然日）：只重算自上次构建以来新装载的文件涉及的自然日（站点名录有新装载时重算全部日子）；
-- 已被更正报送取代的文件的行在构建前删除（pre_hook）。dbt build --full-refresh（make rebuild）得到同样的表。
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='obs_date',
    on_schema_change='fail',
    pre_hook="{% if is_incremental() %}delete from {{ this }} where _file_path not in "
        ~ "(select distinct _file_path from {{ ref('stg_air__hourly') }}){% endif %}",
) }}
with

hourly as (

    select * from {{ ref('stg_air__hourly') }}

),

stations as (

    select * from {{ ref('stg_air__stations') }}

),

{%- if is_incremental() %}

affected_dates as (

    select distinct cast(hourly.measured_at - interval 1 hour as date) as obs_date
    from hourly
    where
        hourly._loaded_at > (select max(t._built_at) from {{ this }} as t)
        or (select max(s._loaded_at) from stations as s) > (select max(t._built_at) from {{ this }} as t)

),
{%- endif %}

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
    {%- if is_incremental() %}
    where cast(hourly.measured_at - interval 1 hour as date) in (select a.obs_date from affected_dates as a)
    {%- endif %}

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
        h._load_batch,
        {{ air_built_at() }} as _built_at
    from hour_labelled as h
    left join stations as s
        on h.station_code = s.station_code

)

select * from final
