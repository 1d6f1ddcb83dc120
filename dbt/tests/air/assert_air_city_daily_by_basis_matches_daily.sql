-- 按评价口径的城市日中，口径即当日适用规则集的那一行必须与城市日集市完全一致（AQI、类别、首要污染物、有效天、优良天）：
-- 期间统计按口径重算时，发布口径不含重算日的期间（如 2023 年）与日表逐日相同。
select
    d.obs_date,
    d.aqi,
    b.aqi as aqi_by_basis,
    d.aqi_category,
    b.aqi_category as aqi_category_by_basis
from {{ ref('fct_air_quality_daily') }} as d
left join {{ ref('int_air__city_daily_by_basis') }} as b
    on d.obs_date = b.obs_date
    and b.is_ruleset_in_force
where
    b.obs_date is null
    or b.aqi is distinct from d.aqi
    or b.aqi_category is distinct from d.aqi_category
    or b.primary_pollutants is distinct from d.primary_pollutants
    or b.is_valid_day <> d.is_valid_day
    or b.is_good_day <> d.is_good_day
