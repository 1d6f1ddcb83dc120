-- City counts recounted straight from the registers in staging (distinct enterprises, plots surveyed,
-- villages treated) rather than from the district marts, and the cumulative villages' month-to-month change.
with enterprises as (
    select c.year, c.end_month, count(distinct i.enterprise_code) as enterprises_recount
    from marts.fct_soil_city_period as c
    left join staging.stg_soil__hazwaste_inspections as i
        on i.checked_on between c.period_start and c.period_end
    group by all
),

plots as (
    select c.year, c.end_month, count(p.plot_code) as plots_recount
    from marts.fct_soil_city_period as c
    left join staging.stg_soil__plot_surveys as p
        on p.started_on <= c.period_end
        and (p.report_completed_on is null or p.report_completed_on >= c.period_start)
    group by all
),

villages as (
    select c.year, c.end_month, count(v.village_code) as villages_recount
    from marts.fct_soil_city_period as c
    left join staging.stg_soil__villages as v
        on v.sewage_done_on <= c.period_end
    group by all
)

select
    c.*,
    abs(c.hazwaste_enterprises_checked - e.enterprises_recount) as enterprises_recount_gap,
    abs(c.plots_surveyed - p.plots_recount) as plots_recount_gap,
    abs(c.villages_sewage_done - v.villages_recount) as villages_recount_gap,
    coalesce(lag(c.villages_sewage_done) over (order by c.period_end) - c.villages_sewage_done, 0) as villages_done_drop
from marts.fct_soil_city_period as c
inner join enterprises as e using (year, end_month)
inner join plots as p using (year, end_month)
inner join villages as v using (year, end_month)
