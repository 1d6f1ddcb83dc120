-- The two checks of a submitted form, one home each. The runner (dagster_project/checks/gx_runner.py)
-- creates these temporary macros on the connection before a suite's batch query runs; a suite's query
-- names the relations (its own CTEs) that hold the form's values, and its tolerance.
-- Each finding is 'ok' or a text naming where to look, checked by expect_column_values_to_be_in_set.

-- 合计 row against the sum of the form's details. totals: one row per total cell, with the form's key
-- columns, metric (the label shown), total_value and the cell's _file_path, _sheet, _row_number;
-- details: the same key columns and metric, with details_sum. The two are joined on the columns they
-- share, so those are the key columns and metric only. A total agrees when it is within
-- absolute_tolerance + relative_tolerance × max(1, |total|) of the details' sum (both 0: equal). An empty
-- 合计 cell counts as 0 and is named as empty: format() gives NULL for a NULL argument, and a NULL
-- finding would pass the check unseen.
create or replace temp macro total_row_findings(
    details, totals, details_label, absolute_tolerance := 0, relative_tolerance := 0
) as table
    select
        case
            when abs(coalesce(d.details_sum, 0) - coalesce(t.total_value, 0))
                <= absolute_tolerance + relative_tolerance * greatest(1, abs(t.total_value)) then 'ok'
            else format(
                '{} 工作表「{}」第{}行 合计 {} = {}，各{}明细之和 = {}',
                t._file_path, t._sheet, t._row_number, t.metric, coalesce(t.total_value::varchar, '（空）'),
                details_label, coalesce(d.details_sum, 0)
            )
        end as total_row_finding
    from query_table(totals) as t
    natural left join query_table(details) as d;

-- 本年累计 = 上月累计 + 本月, compared after rounding to the given decimals. form_values: one row per
-- district, year, month and form column, the columns named <metric>_month (本月) and <metric>_ytd (累计),
-- with its value. In January 累计 = 本月; a later month whose previous month is missing is not checked.
create or replace temp macro running_total_findings(form_values, decimals) as table
    with running as (
        select
            district,
            year,
            month,
            regexp_extract(form_column, '^(.*)_(month|ytd)$', 1) as metric,
            max(value) filter (where form_column like '%\_month' escape '\') as month_value,
            max(value) filter (where form_column like '%\_ytd' escape '\') as ytd_value
        from query_table(form_values)
        group by all
    )

    select
        case
            when r.month > 1 and p.district is null then 'ok'
            when round(coalesce(r.ytd_value, 0), decimals)
                = round(coalesce(p.ytd_value, 0) + coalesce(r.month_value, 0), decimals) then 'ok'
            else format(
                '{} {}年{}月 {}：累计 {} ≠ 上月累计 {} + 本月 {}',
                r.district, r.year, r.month, r.metric, coalesce(r.ytd_value, 0),
                coalesce(p.ytd_value, 0), coalesce(r.month_value, 0)
            )
        end as running_total_finding
    from running as r
    left join running as p
        on p.district = r.district and p.year = r.year and p.metric = r.metric and p.month = r.month - 1;
