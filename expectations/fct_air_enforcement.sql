-- Form checks (expectations/macros/form_checks.sql): the districts' rows against the form's 合计 row,
-- and 累计 = last month's 累计 + 本月. Findings name file, sheet and row, so a WARN says where to look.
with form_values as (
    select district, year, month, form_column, value
    from (
        unpivot (
            select
                district, year, month,
                columns('^(enterprises_verified|inspection_staff_times|inspection_enterprises|vocs_projects_done|diesel_trucks_retired|remote_monitors_installed|vehicles_blacklisted|vehicles_exposed)_(month|ytd)$')
            from marts.fct_air_enforcement
            where is_submitted
        ) on columns(* exclude (district, year, month)) into name form_column value value
    )
),

details as (
    select year, month, form_column as metric, sum(value) as details_sum
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
)

select * from marts.fct_air_enforcement
union all by name
select total_row_finding from total_row_findings('details', 'totals', details_label := '区县')
union all by name
-- counts: equal to the unit
select running_total_finding from running_total_findings('form_values', 0)
