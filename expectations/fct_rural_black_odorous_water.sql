-- Cumulative list and acceptance counts: month-to-month change, and the accepted count recounted from the list in staging.
select
    b.*,
    cumulative_drop(b.water_bodies_listed, b.district, b.period_end) as listed_drop,
    cumulative_drop(b.water_bodies_eliminated, b.district, b.period_end) as eliminated_drop,
    abs(b.water_bodies_eliminated - (
        select count(w.water_body_code) from staging.stg_soil__black_odorous_water as w
        where w.district = b.district and w.listed_on <= b.period_end and w.accepted_on <= b.period_end
    )) as eliminated_recount_gap
from marts.fct_rural_black_odorous_water as b
