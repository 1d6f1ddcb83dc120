-- 按评价口径的站点日中，口径即当日适用规则集的那一行必须与站点日集市完全一致（AQI、类别、首要污染物、有效天、优良天）：
-- 站点与区县期间统计按口径重算时，发布口径不含重算日的期间（如 2023 年）与站点日表逐日相同。
{{ air_in_force_basis_mismatches(
    ref('fct_air_quality_station_daily'), ref('int_air__station_daily_by_basis'), ['station_code']
) }}
