-- Recounts across layers: each level's sections in the register (staging) and its class I–III
-- sections in the section-period mart, next to the summary's own counts.
with section_levels as (
    select section_code, '国考' as assessment_level from staging.stg_water__sections where is_national
    union all
    select section_code, '省考' from staging.stg_water__sections where is_provincial
    union all
    select section_code, '市控' from staging.stg_water__sections where is_city
),

register as (
    select assessment_level, count(*) as register_recount
    from section_levels
    group by all
),

good as (
    select l.assessment_level, p.year, p.end_month, count(*) filter (where p.class_no <= 3) as good_recount
    from marts.fct_water_section_period as p
    inner join section_levels as l using (section_code)
    group by all
)

select
    s.*,
    coalesce(r.register_recount, 0) as register_recount,
    coalesce(g.good_recount, 0) as good_recount
from marts.fct_water_quality_summary as s
left join register as r using (assessment_level)
left join good as g using (assessment_level, year, end_month)
