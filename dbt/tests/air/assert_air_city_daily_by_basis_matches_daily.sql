-- 按评价口径的城市日中，口径即当日适用规则集的那一行必须与城市日集市完全一致（AQI、类别、首要污染物、有效天、优良天）：
-- 期间统计按口径重算时，发布口径不含重算日的期间（如 2023 年）与日表逐日相同。
{{ air_in_force_basis_mismatches(ref('fct_air_quality_daily'), ref('int_air__city_daily_by_basis'), []) }}
