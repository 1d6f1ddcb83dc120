-- Year-to-date counts never fall from one month to the next.
select
    h.*,
    coalesce(lag(h.problems_found) over (partition by h.district, h.year order by h.end_month) - h.problems_found, 0)
        as problems_found_drop,
    coalesce(
        lag(h.enterprises_checked) over (partition by h.district, h.year order by h.end_month) - h.enterprises_checked, 0
    ) as enterprises_checked_drop
from marts.fct_hazardous_waste_inspections as h
