-- 空气质量指标的地区 × 期间（契约表）：area = 城市（全市）或区县，期间为当年1月至 end_month 月末。城市行取
-- fct_air_quality_period、区县行取 fct_air_quality_district_period 的 ytd 行中发布口径的一行（is_published_basis，dbt 变量
-- air_published_basis）；上年同期（*_ly）为两集市按同一口径给出的上年值。区县集市只有 PM2.5 与优良天数，其余值只有城市行。
-- 浓度统计的 GB 3095 表4 统计有效性（综合指数 = 六项都有效）与原因随值给出；本表不计算任何空气质量规则，只选取发布口径。
{#- each city statistic: the pollutants whose GB 3095 Table 4 validity it rests on (composite: all six) -#}
{%- set city_statistics = {} %}
{%- for p, column in air_period_statistic_columns().items() %}
{%- do city_statistics.update({column: [p]}) %}
{%- endfor %}
{%- do city_statistics.update({'composite_index': air_period_statistic_columns().keys() | list}) %}
with

city_quality as (

    select * from {{ ref('fct_air_quality_period') }}
    where period_kind = 'ytd' and is_published_basis

),

district_quality as (

    select * from {{ ref('fct_air_quality_district_period') }}
    where period_kind = 'ytd' and is_published_basis

),

-- 期间内每天都有城市日值才算输入完整（缺日会使年初至今的均值与比例偏移）
city_values as (

    select
        {{ city_label() }} as area,
        year,
        end_month,
        assessment_basis,
        has_retrospective_days,
        n_days = n_calendar_days as is_complete,
        n_days = n_calendar_days as city_is_complete,
        {%- for column, pollutants in city_statistics.items() %}
        {{ column }},
        {{ column }}_ly,
        {%- for p in pollutants %}
        {{ p }}_statistic_valid{{ ' and' if not loop.last }}
        {%- endfor %} as {{ column }}_statistic_valid,
        nullif(concat_ws(
            '；'
            {%- for p in pollutants %},
            {{ p }}_statistic_invalid_reason
            {%- endfor %}
        ), '') as {{ column }}_statistic_note,
        {%- endfor %}
        good_day_ratio,
        good_day_ratio_ly,
        good_days,
        valid_days
    from city_quality

),

-- 区县集市不检查缺日，区县行视为完整；只有城市的值在区县行为空
district_values as (

    select
        district as area,
        year,
        end_month,
        assessment_basis,
        has_retrospective_days,
        true as is_complete,
        cast(null as boolean) as city_is_complete,
        {%- for column in city_statistics %}
        {%- if column == 'pm25_mean' %}
        pm25_mean,
        pm25_mean_ly,
        {%- else %}
        cast(null as double) as {{ column }},
        cast(null as double) as {{ column }}_ly,
        {%- endif %}
        cast(null as boolean) as {{ column }}_statistic_valid,
        cast(null as varchar) as {{ column }}_statistic_note,
        {%- endfor %}
        good_day_ratio,
        good_day_ratio_ly,
        good_days,
        valid_days
    from district_quality

),

area_values as (

    select * from city_values
    union all
    select * from district_values

),

final as (

    select
        cast(area as varchar) as area,
        cast(year as integer) as year,
        cast(end_month as integer) as end_month,
        cast(assessment_basis as varchar) as assessment_basis,
        cast(case when has_retrospective_days then 'retrospective' end as varchar) as qualifier,
        is_complete,
        city_is_complete,
        {%- for column in city_statistics %}
        cast({{ column }} as double) as {{ column }},
        cast({{ column }}_ly as double) as {{ column }}_ly,
        {{ column }}_statistic_valid,
        cast({{ column }}_statistic_note as varchar) as {{ column }}_statistic_note,
        {%- endfor %}
        cast(good_day_ratio as double) as good_day_ratio,
        cast(good_day_ratio_ly as double) as good_day_ratio_ly,
        cast(good_days as double) as good_days,
        cast(valid_days as double) as valid_days
    from area_values

)

select * from final
