select
    e.*,
    sum(e.share_of_total_pct) over (partition by e.year) as year_share_sum
from marts.fct_key_enterprise_emissions as e
