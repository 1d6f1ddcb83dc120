-- Cross-layer recounts for the monthly summary: administrative + criminal cases against the case fact
-- table counted again by district and month, and nets against the raw clean-up log summed again in the
-- catalogue's count units only (a net measured in 米 must never reach the count).
with case_recount as (
    select district, cast(date_trunc('month', opened_on) as date) as month_start, count(*) as cases_recounted
    from marts.fct_fishing_cases
    group by all
),

nets_recount as (
    select r.district, cast(date_trunc('month', r.action_date) as date) as month_start, sum(r.quantity) as nets_recounted
    from raw.fishing_confiscations as r
    inner join reference.fishing_item_units as u
        on u.item_group = 'confiscation' and u.item_label = r.item and u.unit = r.quantity_unit
    where u.item_code = 'nets' and u.measure = 'count' and u.counts_toward_item
    group by all
)

select
    m.*,
    case
        when m.admin_cases + m.criminal_cases = m.cases_total and m.cases_total = coalesce(c.cases_recounted, 0) then 'ok'
        else format('{} {}年{}月：行政 {} + 刑事 {}，案件总数 {}，案件事实表重新计数 {}',
                    m.district, m.year, m.month, m.admin_cases, m.criminal_cases, m.cases_total, coalesce(c.cases_recounted, 0))
    end as case_finding,
    case
        when abs(m.nets_removed - coalesce(n.nets_recounted, 0)) < 1e-6 then 'ok'
        else format('{} {}年{}月：网具 {}，原始台账按计数单位重算 {}',
                    m.district, m.year, m.month, m.nets_removed, coalesce(n.nets_recounted, 0))
    end as nets_finding
from marts.fct_fishing_enforcement_monthly as m
left join case_recount as c on c.district = m.district and c.month_start = m.month_start
left join nets_recount as n on n.district = m.district and n.month_start = m.month_start
