-- 每个期间恰好发布一个评价口径（城市期间、每个站点的期间、每个区县的期间）：air_published_basis 设为 air_rulesets 中没有的
-- 规则集，或期末日期不在任何规则集内时，该期间没有发布行，指标会悄悄缺失；本测试让它失败。
with

published_rows as (

    select
        'fct_air_quality_period' as mart,
        '城市' as area,
        period_kind,
        year,
        end_month,
        is_published_basis
    from {{ ref('fct_air_quality_period') }}
    union all
    select
        'fct_air_quality_station_period' as mart,
        station_code as area,
        period_kind,
        year,
        end_month,
        is_published_basis
    from {{ ref('fct_air_quality_station_period') }}
    union all
    select
        'fct_air_quality_district_period' as mart,
        district as area,
        period_kind,
        year,
        end_month,
        is_published_basis
    from {{ ref('fct_air_quality_district_period') }}

)

select
    mart,
    area,
    period_kind,
    year,
    end_month,
    count(*) filter (where is_published_basis) as n_published
from published_rows
group by mart, area, period_kind, year, end_month
having count(*) filter (where is_published_basis) <> 1
