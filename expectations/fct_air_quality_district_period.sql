-- The district ratios recounted from the station days of the same assessment basis
-- (expectations/macros/air_good_day_recount.sql).
-- (The in-force basis of every station day is the station daily mart itself:
-- dbt test assert_air_station_daily_by_basis_matches_daily.)
with periods as (
    select *, district as area from marts.fct_air_quality_district_period
),

days as (
    select *, district as area from intermediate.int_air__station_daily_by_basis
)

select * from good_day_recount('periods', 'days')
