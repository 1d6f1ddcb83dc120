-- Form checks of the staff form: each district's levels against the subtotal it states, and the
-- districts' rows against the form's 合计 row. Findings name file, sheet and row (the details are used).
with levels as (
    select
        as_of_date,
        case
            when team_subtotal_stated is not null and team_subtotal_stated <> patrol_team_members
                then format('{} 工作表「{}」第{}行 {} 护鱼队伍小计 {} ≠ 各级之和 {}',
                            source_file, source_sheet, source_row, district, team_subtotal_stated, patrol_team_members)
            when warden_subtotal_stated is not null and warden_subtotal_stated <> grid_wardens
                then format('{} 工作表「{}」第{}行 {} 网格责任人小计 {} ≠ 各级之和 {}',
                            source_file, source_sheet, source_row, district, warden_subtotal_stated, grid_wardens)
            else 'ok'
        end as level_finding
    from marts.fct_fishing_capacity
    where is_submitted
),

district_values as (
    select as_of_date, metric, sum(value) as details_sum
    from (
        unpivot (
            select as_of_date, enforcement_staff, team_city, team_county, team_township, team_subtotal_stated,
                   warden_county, warden_township, warden_village, warden_subtotal_stated
            from staging.stg_fishing__rosters
        ) on columns(* exclude (as_of_date)) into name metric value value
    )
    group by all
),

totals as (
    select
        cast(last_day(_period_month) as date) as as_of_date,
        _file_path, _sheet, _row_number,
        case metric when 'team_subtotal' then 'team_subtotal_stated'
                    when 'warden_subtotal' then 'warden_subtotal_stated'
                    else metric end as metric,
        total_value
    from (
        unpivot (
            select _period_month, _file_path, _sheet, _row_number, enforcement_staff, team_city, team_county,
                   team_township, team_subtotal, warden_county, warden_township, warden_village, warden_subtotal
            from raw.fishing_rosters_totals
        ) on columns(* exclude (_period_month, _file_path, _sheet, _row_number)) into name metric value total_value
    )
)

select * from marts.fct_fishing_capacity
union all by name
select as_of_date, level_finding from levels
union all by name
select total_row_finding from total_row_findings('district_values', 'totals', details_label := '区县')
