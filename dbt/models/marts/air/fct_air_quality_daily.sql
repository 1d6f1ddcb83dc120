-- 城市 × 自然日的空气质量日报：城市浓度（评价站点平均）、各项 IAQI、AQI（缺项规则）、级别、类别、首要污染物、
-- 超标污染物（仅2012）、有效天/优良天、规则集与“按新标准回算”标记、数据质量标记。每个有任何小时数据的自然日一行。
with

city_daily as (

    select * from {{ ref('int_air__city_daily') }}

),

final as (

    select
        obs_date,
        ruleset,
        ruleset_label,
        is_retrospective,
        n_stations_evaluation,
        n_stations_reporting,
        n_stations_valid,
        {%- for item in air_daily_item_codes() %}
        n_stations_{{ item }},
        {%- endfor %}
        {%- for item in air_daily_item_codes() %}
        {{ item }},
        {%- endfor %}
        {%- for item in air_daily_item_codes() %}
        {{ item }}_rounded,
        {%- endfor %}
        {%- for item in air_daily_item_codes() %}
        iaqi_{{ item }},
        {%- endfor %}
        aqi_available,
        aqi,
        aqi_level_no,
        aqi_level,
        aqi_category,
        aqi_colour,
        primary_pollutants,
        exceeding_pollutants,
        {{ air_day_status('aqi') }},
        missing_items,
        items_below_station_share,
        aqi_withheld as dq_aqi_withheld,
        aqi_from_partial_items as dq_aqi_from_partial_items,
        iaqi_capped as dq_iaqi_capped,
        has_item_without_segment as dq_item_without_segment,
        n_stations_valid < n_stations_evaluation as dq_stations_incomplete
    from city_daily

)

select * from final
