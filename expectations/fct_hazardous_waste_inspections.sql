-- Year-to-date counts never fall from one month to the next.
select
    h.*,
    cumulative_drop(h.problems_found, (h.district, h.year), h.end_month) as problems_found_drop,
    cumulative_drop(h.enterprises_checked, (h.district, h.year), h.end_month) as enterprises_checked_drop
from marts.fct_hazardous_waste_inspections as h
