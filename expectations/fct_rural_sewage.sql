-- The mart's cumulative count recounted from the village register in staging, its month-to-month change,
-- and its rate recomputed from the stored numerator and denominator.
with recount as (
    select
        g.district,
        g.year,
        g.end_month,
        count(v.village_code) as villages_done_recount
    from marts.fct_rural_sewage as g
    left join staging.stg_soil__villages as v
        on v.district = g.district
        and v.sewage_done_on <= g.period_end
    group by all
)

select
    s.*,
    coalesce(
        lag(s.villages_sewage_done) over (partition by s.district order by s.period_end) - s.villages_sewage_done, 0
    ) as villages_done_drop,
    abs(s.villages_sewage_done - r.villages_done_recount) as villages_done_recount_gap,
    abs(s.sewage_treatment_rate - 100.0 * s.villages_sewage_done / nullif(s.villages_total, 0)) as rate_recount_gap
from marts.fct_rural_sewage as s
inner join recount as r using (district, year, end_month)
