-- 区县 × 月份的城市污水管网建设与整治：区县取 districts 种子全部区县，月份取月报中出现的全部报送月份。
-- 月报“本月”与“累计”原样保留（未报送为空）；合计行只用于核对，不参与计算。
with

works as (

    select * from {{ ref('stg_water__sewer_works') }}

),

report_months as (

    select distinct report_month from works
    where report_month is not null

),

district_months as (

    {{ period_district_grid('report_months', ['report_month as month_start']) }}

),

final as (

    select
        {{ period_month_grid_columns('g') }},
        w.district is not null as is_submitted,
        {%- for period in ['month', 'ytd'] %}
        w.surveyed_km_{{ period }},
        w.defects_fixed_{{ period }},
        w.cross_connections_fixed_{{ period }},
        w.new_km_{{ period }},
        w.new_km_{{ period }}_qualifier,
        w.dredged_km_{{ period }},
        {%- endfor %}
        w.black_odorous_supervised
    from district_months as g
    left join works as w
        on g.district = w.district
        and g.month_start = w.report_month

)

select * from final
