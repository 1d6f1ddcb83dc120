-- 本市发布 AQI 的首日是一行配置：没有这一行，回算标记会变成空值；多于一行，按日期的规则集连接会重复日子。
with

publication as (

    select * from {{ ref('air_aqi_publication') }}

),

final as (

    select count(*) as n_rows
    from publication
    having count(*) <> 1

)

select * from final
