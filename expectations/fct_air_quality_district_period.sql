-- The district ratios recounted from the station days of the same assessment basis.
-- (The in-force basis of every station day is the station daily mart itself:
-- dbt test assert_air_station_daily_by_basis_matches_daily.)
with recount as (
    select
        p.district,
        p.period_kind,
        p.year,
        p.end_month,
        p.assessment_basis,
        count(*) filter (where d.is_valid_day) as valid_days_recount,
        count(*) filter (where d.is_good_day) as good_days_recount
    from marts.fct_air_quality_district_period as p
    left join intermediate.int_air__station_daily_by_basis as d
        on d.district = p.district
        and d.obs_date between p.period_start and p.period_end
        and d.assessment_basis = p.assessment_basis
    group by all
)

select
    p.*,
    r.valid_days_recount,
    r.good_days_recount,
    abs(p.good_day_ratio - 100.0 * r.good_days_recount / nullif(r.valid_days_recount, 0)) as good_day_ratio_gap
from marts.fct_air_quality_district_period as p
inner join recount as r using (district, period_kind, year, end_month, assessment_basis)
