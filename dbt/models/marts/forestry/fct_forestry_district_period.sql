-- 区县 × 年初至月末期间的林业流量指标：由 int_forestry__events 按记录日期求和（合计行、累计列不参与）。
with

periods as (

    select * from {{ ref('int_forestry__periods') }}

),

events as (

    select * from {{ ref('int_forestry__events') }}

),

grid as (

    {{ period_district_grid('periods', ['year', 'end_month', 'period_start', 'period_end']) }}

),

summed as (

    select
        g.*,
    {%- for m in forestry_flow_metrics() %}
    cast(coalesce(sum(e.amount) filter (where e.metric = '{{ m }}'), 0) as double)
        as {{ m }}{{ ',' if not loop.last }}
    {%- endfor %}
    from grid as g
    left join events as e
        on g.district = e.district
        and e.event_on between g.period_start and g.period_end
    group by all

),

final as (

    select
        s.*,
        {{ forestry_rescue_rates('s') }},
    {%- for m in forestry_mu_metrics() %}
    {{ convert_unit(m ~ '_ha', "'公顷'", '亩') }} as {{ m }}_mu{{ ',' if not loop.last }}
    {%- endfor %}
    from summed as s

)

select * from final
