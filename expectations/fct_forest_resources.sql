-- 各区县明细之和对统计表合计行：同一文件、同一报送单位内比较，发现写成文字，指明文件、工作表与行。
with details as (
    select _file_identity, sum(land_area) as land_area, sum(forest_area) as forest_area, sum(growing_stock) as growing_stock
    from raw.forestry_forest_resources
    group by _file_identity
),

totals as (
    select * from (
        unpivot (
            select _file_identity, _file_path, _sheet, _row_number, land_area, forest_area, growing_stock
            from raw.forestry_forest_resources_totals
        ) on land_area, forest_area, growing_stock into name metric value total_value
    )
),

detail_values as (
    select * from (
        unpivot details on land_area, forest_area, growing_stock into name metric value details_sum
    )
),

findings as (
    select
        case
            when abs(coalesce(d.details_sum, 0) - t.total_value) <= 1e-6 * greatest(1, abs(t.total_value)) then 'ok'
            else format('{} 工作表「{}」第{}行 合计 {} = {}，各区县明细之和 = {}',
                        t._file_path, t._sheet, t._row_number, t.metric, t.total_value, coalesce(d.details_sum, 0))
        end as total_row_finding
    from totals as t
    left join detail_values as d using (_file_identity, metric)
)

select *, null::varchar as total_row_finding from marts.fct_forest_resources
union all by name
select total_row_finding from findings
