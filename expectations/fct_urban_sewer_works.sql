-- Form checks: the districts' rows against the form's 合计 row (both as submitted, in the same file),
-- and 累计 = last month's 累计 + 本月. Findings name file, sheet and row, so a WARN says where to look.
with metric_columns as (
    select
        is_total_row, _file_identity, _file_path, _sheet, _row_number, metric, value
    from (
        unpivot (
            select false as is_total_row, _file_identity, _file_path, _sheet, _row_number,
                columns('^(surveyed_km|defects_fixed|cross_connections_fixed|new_km|dredged_km)_(month|ytd)$|^black_odorous_supervised$')
            from raw.water_sewer_works
            union all by name
            select true as is_total_row, _file_identity, _file_path, _sheet, _row_number,
                columns('^(surveyed_km|defects_fixed|cross_connections_fixed|new_km|dredged_km)_(month|ytd)$|^black_odorous_supervised$')
            from raw.water_sewer_works_totals
        ) on columns(* exclude (is_total_row, _file_identity, _file_path, _sheet, _row_number)) into name metric value value
    )
),

details as (
    select _file_identity, metric, round(sum(value), 4) as details_sum
    from metric_columns
    where not is_total_row
    group by all
),

totals as (
    select _file_identity, _file_path, _sheet, _row_number, metric, round(value, 4) as total_value
    from metric_columns
    where is_total_row
),

total_findings as (
    select
        case
            when coalesce(d.details_sum, 0) = coalesce(t.total_value, 0) then 'ok'
            else format(
                '{} 工作表「{}」第{}行 合计 {} = {}，各区县明细之和 = {}',
                t._file_path, t._sheet, t._row_number, t.metric, t.total_value, coalesce(d.details_sum, 0)
            )
        end as total_row_finding
    from totals as t
    left join details as d using (_file_identity, metric)
),

running as (
    select district, year, month, metric_base, month_value, ytd_value
    from (
        select district, year, month, 'surveyed_km' as metric_base, surveyed_km_month as month_value, surveyed_km_ytd as ytd_value from marts.fct_urban_sewer_works where is_submitted
        union all
        select district, year, month, 'defects_fixed', defects_fixed_month, defects_fixed_ytd from marts.fct_urban_sewer_works where is_submitted
        union all
        select district, year, month, 'cross_connections_fixed', cross_connections_fixed_month, cross_connections_fixed_ytd from marts.fct_urban_sewer_works where is_submitted
        union all
        select district, year, month, 'new_km', new_km_month, new_km_ytd from marts.fct_urban_sewer_works where is_submitted
        union all
        select district, year, month, 'dredged_km', dredged_km_month, dredged_km_ytd from marts.fct_urban_sewer_works where is_submitted
    )
),

running_findings as (
    select
        r.year,
        r.month,
        case
            when r.month > 1 and p.district is null then 'ok'
            when round(coalesce(r.ytd_value, 0), 4) = round(coalesce(p.ytd_value, 0) + coalesce(r.month_value, 0), 4) then 'ok'
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
from marts.fct_urban_sewer_works
union all by name
select total_row_finding from total_findings
union all by name
select year, month, running_total_finding from running_findings
