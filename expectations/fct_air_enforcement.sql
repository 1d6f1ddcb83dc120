-- Form checks: the districts' rows against the form's 合计 row, and 累计 = last month's 累计 + 本月.
-- Findings are written as text naming file, sheet and row, so the WARN result says where to look.
with form_values as (
    select district, year, month, metric, value
    from (
        unpivot (
            select
                district, year, month,
                columns('^(enterprises_verified|inspection_staff_times|inspection_enterprises|vocs_projects_done|diesel_trucks_retired|remote_monitors_installed|vehicles_blacklisted|vehicles_exposed)_(month|ytd)$')
            from marts.fct_air_enforcement
            where is_submitted
        ) on columns(* exclude (district, year, month)) into name metric value value
    )
),

details as (
    select year, month, metric, sum(value) as details_sum
    from form_values
    group by all
),

totals as (
    select
        cast(year(_period_month) as integer) as year,
        cast(month(_period_month) as integer) as month,
        _file_path,
        _sheet,
        _row_number,
        metric,
        value as total_value
    from (
        unpivot (
            select _period_month, _file_path, _sheet, _row_number, columns('^[a-z].*_(month|ytd)$')
            from raw.air_enforcement_totals
        ) on columns('^[a-z].*_(month|ytd)$') into name metric value value
    )
),

total_findings as (
    select
        t.year,
        t.month,
        case
            when coalesce(d.details_sum, 0) = coalesce(t.total_value, 0) then 'ok'
            else format(
                '{} 工作表「{}」第{}行 合计 {} = {}，各区县明细之和 = {}',
                t._file_path, t._sheet, t._row_number, t.metric, t.total_value, coalesce(d.details_sum, 0)
            )
        end as total_row_finding
    from totals as t
    left join details as d using (year, month, metric)
),

running as (
    select
        district,
        year,
        month,
        regexp_extract(metric, '^(.*)_(month|ytd)$', 1) as metric_base,
        max(value) filter (where metric like '%\_month' escape '\') as month_value,
        max(value) filter (where metric like '%\_ytd' escape '\') as ytd_value
    from form_values
    group by all
),

running_findings as (
    select
        r.year,
        r.month,
        case
            when r.month > 1 and p.district is null then 'ok'
            when coalesce(r.ytd_value, 0) = coalesce(p.ytd_value, 0) + coalesce(r.month_value, 0) then 'ok'
            else format(
                '{} {}年{}月 {}：累计 {} ≠ 上月累计 {} + 本月 {}',
                r.district, r.year, r.month, r.metric_base, coalesce(r.ytd_value, 0),
                coalesce(p.ytd_value, 0), coalesce(r.month_value, 0)
            )
        end as running_total_finding
    from running as r
    left join running as p
        on p.district = r.district and p.year = r.year and p.metric_base = r.metric_base and p.month = r.month - 1
)

select *, null::varchar as total_row_finding, null::varchar as running_total_finding
from marts.fct_air_enforcement
union all by name
select year, month, total_row_finding from total_findings
union all by name
select year, month, running_total_finding from running_findings
