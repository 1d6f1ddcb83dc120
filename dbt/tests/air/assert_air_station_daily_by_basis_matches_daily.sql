-- 按评价口径的站点日中，口径即当日适用规则集的那一行必须与站点日集市完全一致（AQI、类别、首要污染物、有效天、优良天）：
-- 站点与区县期间统计按口径重算时，发布口径不含重算日的期间（如 2023 年）与站点日表逐日相同。
select
    d.station_code,
    d.obs_date,
    d.aqi,
    b.aqi as aqi_by_basis,
    d.aqi_category,
    b.aqi_category as aqi_category_by_basis
from {{ ref('fct_air_quality_station_daily') }} as d
left join {{ ref('int_air__station_daily_by_basis') }} as b
    on d.station_code = b.station_code
    and d.obs_date = b.obs_date
    and b.is_ruleset_in_force
where
    b.obs_date is null
    or b.aqi is distinct from d.aqi
    or b.aqi_category is distinct from d.aqi_category
    or b.primary_pollutants is distinct from d.primary_pollutants
    or b.is_valid_day <> d.is_valid_day
    or b.is_good_day <> d.is_good_day
