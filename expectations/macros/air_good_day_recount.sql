-- 优良天数比例 recounted from the days of the same assessment basis, for the city and the district
-- period marts (the periods are period_kind, year, end_month and assessment_basis of one area).
-- periods: the period mart's rows with area, the unit whose days count (the city, a district);
-- days: the daily rows of one basis with obs_date, assessment_basis, area, is_valid_day, is_good_day.
-- Each period row comes back with the days recounted and good_day_ratio_gap, |stated − 100 × good / valid|.
create or replace temp macro good_day_recount(periods, days) as table
    with recount as (
        select
            p.area,
            p.period_kind,
            p.year,
            p.end_month,
            p.assessment_basis,
            count(*) filter (where d.is_valid_day) as valid_days_recount,
            count(*) filter (where d.is_good_day) as good_days_recount
        from query_table(periods) as p
        left join query_table(days) as d
            on d.area = p.area
            and d.obs_date between p.period_start and p.period_end
            and d.assessment_basis = p.assessment_basis
        group by all
    )

    select
        p.* exclude (area),
        r.valid_days_recount,
        r.good_days_recount,
        abs(p.good_day_ratio - 100.0 * r.good_days_recount / nullif(r.valid_days_recount, 0)) as good_day_ratio_gap
    from query_table(periods) as p
    inner join recount as r using (area, period_kind, year, end_month, assessment_basis);
