-- The raw register recounted: main-stem outfalls each district had found by each month end.
select
    o.*,
    (
        select count(*)
        from raw.water_outfalls as r
        where r.is_main_stem and r.district = o.district and r.found_on <= o.month_end
    ) as register_outfalls
from marts.fct_outfall_remediation as o
