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
)

select * from marts.fct_forest_resources
union all by name
select total_row_finding
from total_row_findings('detail_values', 'totals', details_label := '区县', relative_tolerance := 1e-6)
