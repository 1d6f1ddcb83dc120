-- 每个期间恰好发布一个评价口径：air_published_basis 设为 air_rulesets 中没有的规则集，或期末日期不在任何规则集内时，
-- 该期间没有发布行，指标会悄悄缺失；本测试让它失败。
select
    period_kind,
    year,
    end_month,
    count(*) filter (where is_published_basis) as n_published
from {{ ref('fct_air_quality_period') }}
group by period_kind, year, end_month
having count(*) filter (where is_published_basis) <> 1
