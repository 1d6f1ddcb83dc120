-- The period ratios recounted from the city days of the same assessment basis
-- (expectations/macros/air_good_day_recount.sql), and the category shares summed.
-- (The in-force basis of every day is the city daily mart itself: dbt test assert_air_city_daily_by_basis_matches_daily.)
with periods as (
    select *, '全市' as area from marts.fct_air_quality_period
),

days as (
    select *, '全市' as area from intermediate.int_air__city_daily_by_basis
)

select
    *,
    case when valid_days > 0 then
        share_excellent_pct + share_good_pct + share_lightly_polluted_pct
        + share_moderately_polluted_pct + share_heavily_polluted_pct + share_severely_polluted_pct
    end as category_share_sum
from good_day_recount('periods', 'days')
