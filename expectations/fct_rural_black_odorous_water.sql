-- Cumulative list and acceptance counts: month-to-month change, and the accepted count recounted from the list in staging.
with recount as (
    select
        g.district,
        g.year,
        g.end_month,
        count(w.water_body_code) as eliminated_recount
    from marts.fct_rural_black_odorous_water as g
    left join staging.stg_soil__black_odorous_water as w
        on w.district = g.district
        and w.listed_on <= g.period_end
        and w.accepted_on <= g.period_end
    group by all
)

select
    b.*,
    coalesce(lag(b.water_bodies_listed) over (partition by b.district order by b.period_end) - b.water_bodies_listed, 0)
        as listed_drop,
    coalesce(
        lag(b.water_bodies_eliminated) over (partition by b.district order by b.period_end) - b.water_bodies_eliminated, 0
    ) as eliminated_drop,
    abs(b.water_bodies_eliminated - r.eliminated_recount) as eliminated_recount_gap
from marts.fct_rural_black_odorous_water as b
inner join recount as r using (district, year, end_month)
