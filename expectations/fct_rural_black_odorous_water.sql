-- Cumulative list and acceptance counts: month-to-month change, and the accepted count recounted from the list in staging.
select
    b.*,
    coalesce(lag(b.water_bodies_listed) over (partition by b.district order by b.period_end) - b.water_bodies_listed, 0)
        as listed_drop,
    coalesce(
        lag(b.water_bodies_eliminated) over (partition by b.district order by b.period_end) - b.water_bodies_eliminated, 0
    ) as eliminated_drop,
    abs(b.water_bodies_eliminated - (
        select count(w.water_body_code) from staging.stg_soil__black_odorous_water as w
        where w.district = b.district and w.listed_on <= b.period_end and w.accepted_on <= b.period_end
    )) as eliminated_recount_gap
from marts.fct_rural_black_odorous_water as b
