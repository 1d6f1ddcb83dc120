-- 区县 × 年内累计期的危险废物规范化环境管理：检查记录按检查日期期内计（企业按统一社会信用代码去重），违法案件按立案日期期内计。
with

grid as (

    select * from {{ ref('int_soil__district_periods') }}

),

inspections as (

    select * from {{ ref('stg_soil__hazwaste_inspections') }}

),

cases as (

    select * from {{ ref('stg_soil__hazwaste_cases') }}

),

inspection_counts as (

    {% call period_district_counts('grid', 'inspections', 'i') %}
        count(i.check_no) filter (where {{ soil_in_period('i.checked_on') }}) as checks,
        count(distinct i.enterprise_code) filter (where {{ soil_in_period('i.checked_on') }})
            as enterprises_checked,
        coalesce(sum(i.problems_found) filter (where {{ soil_in_period('i.checked_on') }}), 0)
            as problems_found,
        coalesce(
            sum(i.problems_rectified) filter (where {{ soil_in_period('i.checked_on') }}), 0
        ) as problems_rectified
    {% endcall %}

),

case_counts as (

    {% call period_district_counts('grid', 'cases', 'c') %}
        count(c.case_no) filter (where {{ soil_in_period('c.filed_on') }}) as violation_cases,
        coalesce(sum(c.fine_yuan) filter (where {{ soil_in_period('c.filed_on') }}), 0) as fines_yuan
    {% endcall %}

),

final as (

    {% call period_grid_rows({'i': 'inspection_counts', 'c': 'case_counts'}) %}
        cast(i.checks as bigint) as checks,
        cast(i.enterprises_checked as bigint) as enterprises_checked,
        cast(i.problems_found as bigint) as problems_found,
        cast(i.problems_rectified as bigint) as problems_rectified,
        {{ soil_rate('i.problems_rectified', 'i.problems_found') }} as rectification_rate,
        cast(c.violation_cases as bigint) as violation_cases,
        cast(c.fines_yuan as double) as fines_yuan
    {% endcall %}

)

select * from final
