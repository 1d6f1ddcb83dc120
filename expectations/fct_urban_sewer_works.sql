-- Form checks (expectations/macros/form_checks.sql): the districts' rows against the form's 合计 row
-- (both as submitted, in the same file), and 累计 = last month's 累计 + 本月. Findings name file, sheet
-- and row, so a WARN says where to look.
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

-- with the empty cells: a metric left empty last month is still last month's 累计 (0)
form_values as (
    from (
        select district, year, month, columns('^(surveyed_km|defects_fixed|cross_connections_fixed|new_km|dredged_km)_(month|ytd)$')
        from marts.fct_urban_sewer_works
        where is_submitted
    ) unpivot include nulls (value for form_column in (columns(* exclude (district, year, month))))
)

select * from marts.fct_urban_sewer_works
union all by name
select total_row_finding from total_row_findings('details', 'totals', details_label := '区县')
union all by name
-- lengths in km: equal to 4 decimals, as the details and totals above
select running_total_finding from running_total_findings('form_values', 4)
