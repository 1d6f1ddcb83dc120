-- The register's county-level sources next to the mart, so the monitored count can be checked against it.
select
    d.*,
    (select count(*) from raw.water_drinking_sources where source_level = '县级及以上') as register_sources
from marts.fct_drinking_water_sources as d
