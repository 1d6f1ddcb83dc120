-- The mart's cumulative count recounted from the village register in staging, its month-to-month change,
-- and its rate recomputed from the stored numerator and denominator.
select
    s.*,
    cumulative_drop(s.villages_sewage_done, s.district, s.period_end) as villages_done_drop,
    abs(s.villages_sewage_done - (
        select count(v.village_code) from staging.stg_soil__villages as v
        where v.district = s.district and v.sewage_done_on <= s.period_end
    )) as villages_done_recount_gap,
    abs(s.sewage_treatment_rate - 100.0 * s.villages_sewage_done / nullif(s.villages_total, 0)) as rate_recount_gap
from marts.fct_rural_sewage as s
