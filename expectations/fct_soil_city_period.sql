-- City counts recounted straight from the registers in staging (distinct enterprises, plots surveyed,
-- villages treated) rather than from the district marts, and the cumulative villages' month-to-month change.
select
    c.*,
    abs(c.hazwaste_enterprises_checked - (
        select count(distinct i.enterprise_code) from staging.stg_soil__hazwaste_inspections as i
        where i.checked_on between c.period_start and c.period_end
    )) as enterprises_recount_gap,
    abs(c.plots_surveyed - (
        select count(p.plot_code) from staging.stg_soil__plot_surveys as p
        where p.started_on <= c.period_end
            and (p.report_completed_on is null or p.report_completed_on >= c.period_start)
    )) as plots_recount_gap,
    abs(c.villages_sewage_done - (
        select count(v.village_code) from staging.stg_soil__villages as v where v.sewage_done_on <= c.period_end
    )) as villages_recount_gap,
    cumulative_drop(c.villages_sewage_done, '全市', c.period_end) as villages_done_drop
from marts.fct_soil_city_period as c
