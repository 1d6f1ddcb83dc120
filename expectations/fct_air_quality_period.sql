-- The period ratios recounted from the city days of the same assessment basis, and the category shares summed.
-- (The in-force basis of every day is the city daily mart itself: dbt test assert_air_city_daily_by_basis_matches_daily.)
with recount as (
    select
        p.period_kind,
        p.year,
        p.end_month,
        p.assessment_basis,
        count(*) filter (where d.is_valid_day) as valid_days_recount,
        count(*) filter (where d.is_good_day) as good_days_recount
    from marts.fct_air_quality_period as p
    left join intermediate.int_air__city_daily_by_basis as d
        on d.obs_date between p.period_start and p.period_end
        and d.assessment_basis = p.assessment_basis
    group by all
)

select
    p.*,
    r.valid_days_recount,
    r.good_days_recount,
    abs(p.good_day_ratio - 100.0 * r.good_days_recount / nullif(r.valid_days_recount, 0)) as good_day_ratio_gap,
    case when p.valid_days > 0 then
        p.share_excellent_pct + p.share_good_pct + p.share_lightly_polluted_pct
        + p.share_moderately_polluted_pct + p.share_heavily_polluted_pct + p.share_severely_polluted_pct
    end as category_share_sum
from marts.fct_air_quality_period as p
inner join recount as r using (period_kind, year, end_month, assessment_basis)
