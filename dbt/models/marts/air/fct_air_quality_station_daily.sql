-- 站点 × 自然日的空气质量日报：浓度、有效小时数、各项 IAQI、AQI、级别、类别、首要污染物、规则集（含“按新标准回算”标记）与数据质量标记。
with

station_daily as (

    select * from {{ ref('int_air__station_daily') }}

),

stations as (

    select * from {{ ref('stg_air__stations') }}

),

final as (

    select
        d.station_code,
        d.station_name,
        s.district,
        s.station_level,
        d.obs_date,
        d.ruleset,
        d.ruleset_label,
        d.is_retrospective,
        d.is_city_evaluation,
        {{ air_station_day_counts('d') }},
        d.n_valid_o3_8h_windows,
        {{ qualified_columns('d', air_daily_item_codes()) }}
        {{ qualified_columns('d', air_daily_item_codes(), suffix='_rounded') }}
        {{ qualified_columns('d', air_daily_item_codes(), prefix='iaqi_') }}
        {{ air_aqi_result_columns('d') }},
        {{ air_day_status('d.aqi') }},
        d.missing_items,
        d.aqi_withheld as dq_aqi_withheld,
        d.aqi_from_partial_items as dq_aqi_from_partial_items,
        d.iaqi_capped as dq_iaqi_capped,
        d.o3_8h_valid_by_exceedance as dq_o3_8h_valid_by_exceedance,
        d.has_item_without_segment as dq_item_without_segment,
        not d.is_in_register as dq_not_in_register
    from station_daily as d
    left join stations as s
        on d.station_code = s.station_code

)

select * from final
