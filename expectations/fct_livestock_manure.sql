-- Year-to-date sums never fall month to month; the monthly form's districts against its 合计 row, and
-- 累计 = last month's 累计 + 本月. Form findings are text naming file, sheet and row, so a WARN says where to look.
with details as (
    select
        report_month,
        sum(manure_produced_month_t) as manure_produced_month_t,
        sum(manure_produced_ytd_t) as manure_produced_ytd_t,
        sum(manure_utilised_month_t) as manure_utilised_month_t,
        sum(manure_utilised_ytd_t) as manure_utilised_ytd_t
    from staging.stg_soil__manure_monthly
    group by report_month
),

totals as (
    select report_month, _file_path, _sheet, _row_number, metric, value as total_value
    from (
        unpivot (
            select
                report_month, _file_path, _sheet, _row_number,
                manure_produced_month_t, manure_produced_ytd_t, manure_utilised_month_t, manure_utilised_ytd_t
            from staging.stg_soil__manure_monthly_totals
        ) on columns('_t$') into name metric value value
    )
),

detail_values as (
    unpivot details on columns('_t$') into name metric value details_sum
),

running_findings as (
    select
        case
            when month(m.report_month) > 1 and p.district is null then 'ok'
            when abs(coalesce(m.manure_produced_ytd_t, 0)
                     - coalesce(p.manure_produced_ytd_t, 0) - coalesce(m.manure_produced_month_t, 0)) < 1e-6
             and abs(coalesce(m.manure_utilised_ytd_t, 0)
                     - coalesce(p.manure_utilised_ytd_t, 0) - coalesce(m.manure_utilised_month_t, 0)) < 1e-6 then 'ok'
            else format(
                '{} 工作表「{}」第{}行 {} {}：累计 ≠ 上月累计 + 本月（产生量 {} / {} + {}，利用量 {} / {} + {}）',
                m._file_path, m._sheet, m._row_number, m.district, strftime(m.report_month, '%Y-%m'),
                m.manure_produced_ytd_t, coalesce(p.manure_produced_ytd_t, 0), m.manure_produced_month_t,
                m.manure_utilised_ytd_t, coalesce(p.manure_utilised_ytd_t, 0), m.manure_utilised_month_t
            )
        end as running_total_finding
    from staging.stg_soil__manure_monthly as m
    left join staging.stg_soil__manure_monthly as p
        on p.district = m.district
        and p.report_month = m.report_month - interval 1 month
        and year(p.report_month) = year(m.report_month)
)

select
    l.*,
    cumulative_drop(l.manure_produced_t, (l.district, l.year), l.end_month) as produced_ytd_drop,
    cumulative_drop(l.manure_utilised_t, (l.district, l.year), l.end_month) as utilised_ytd_drop
from marts.fct_livestock_manure as l
union all by name
select total_row_finding
from total_row_findings('detail_values', 'totals', details_label := '区县', absolute_tolerance := 1e-6)
union all by name
select running_total_finding from running_findings
