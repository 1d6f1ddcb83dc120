-- 日 IAQI 长表：站点日与城市日 × 当日规则集日报项目，一行一项（与站点日、城市日模型使用同一个宏
-- air_daily_iaqi，结果一致）。用于追溯每个 IAQI 的修约浓度、所用分段与封顶标记。
with

station_daily as (

    select * from {{ ref('int_air__station_daily') }}

),

city_daily as (

    select * from {{ ref('int_air__city_daily') }}

),

concentrations as (

    select
        'station' as scope,
        station_code as subject_code,
        obs_date,
    {%- for item in air_daily_item_codes() %}
    {{ item }}{{ ',' if not loop.last }}
    {%- endfor %}
    from station_daily

    union all

    select
        'city' as scope,
        'city' as subject_code,
        obs_date,
    {%- for item in air_daily_item_codes() %}
    {{ item }}{{ ',' if not loop.last }}
    {%- endfor %}
    from city_daily

),

iaqi as (

    {{ air_daily_iaqi('concentrations', ['scope', 'subject_code']) }}

),

final as (

    select * from iaqi

)

select * from final
