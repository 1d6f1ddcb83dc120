-- 禁渔领域指标取数（长表）：指标 × 地区（城市 = 全市；或区县）× 年初至各月末期间。指标编码与口径见种子 indicators。
-- 期间（截止月）取区县月度执法汇总中出现过的全部月份。巡查、案件、清理取缔为 1 月至截止月的月度数之和（违规垂钓占比由
-- 分子分母之和重算）；宣传为当年 1 月至截止月的登记数之和，累计提醒短信为禁渔期起点至截止月末之和（跨年）；
-- 执法力量为存量：各区县取截止月末或之前最近一次报送的力量统计（按变动报送，未变动的月份沿用上次报送）；
-- 设备在用数只在力量统计表的截至日由集市按设备台账逐台计算，故只在这些截止月有值。
with

monthly as (

    select * from {{ ref('fct_fishing_enforcement_monthly') }}

),

capacity as (

    select * from {{ ref('fct_fishing_capacity') }}

),

publicity as (

    select * from {{ ref('fct_fishing_publicity') }}

),

{%- set monthly_flows = {
    'fish.nets_removed': 'nets_removed',
    'fish.unlicensed_boats_cleared': 'unlicensed_boats_cleared',
    'fish.self_use_boats_managed': 'self_use_boats_managed',
    'fish.joint_patrols': 'joint_patrols',
    'fish.patrol_staff_times': 'staff_times',
    'fish.patrol_vehicle_times': 'vehicle_times',
    'fish.patrol_boat_times': 'boat_times',
    'fish.water_patrol_km': 'water_km',
    'fish.admin_cases': 'admin_cases',
    'fish.fines_total': 'fines_yuan',
    'fish.criminal_cases': 'criminal_cases'} %}
{%- set staff_stocks = {
    'fish.enforcement_staff': 'enforcement_staff',
    'fish.patrol_team_members': 'patrol_team_members',
    'fish.grid_wardens': 'grid_wardens'} %}
{%- set equipment_stocks = {
    'fish.monitoring_points': 'monitoring_points',
    'fish.optical_devices': 'optical_devices',
    'fish.shared_radars': 'shared_radars',
    'fish.small_target_radars': 'small_target_radars'} %}
{%- set publicity_flows = {
    'fish.media_reports': 'media_reports',
    'fish.platform_posts': 'platform_posts',
    'fish.leaflets': 'leaflets',
    'fish.public_ads': 'public_ads'} %}

periods as (

    select distinct
        year,
        month as end_month,
        cast(last_day(make_date(year, month, 1)) as date) as period_end
    from monthly

),

-- 月度执法汇总：1月至截止月之和；区县行与全市行（grouping sets）；当年 1 月至截止月每月都在汇总中才算完整
monthly_values as (

    {%- for code, column in monthly_flows.items() %}
    select
        '{{ code }}' as indicator_code,
        coalesce(m.district, '城市') as area,
        p.year,
        p.end_month,
        cast(sum(m.{{ column }}) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        count(distinct m.month) = p.end_month as is_complete
    from periods as p
    inner join monthly as m
        on p.year = m.year
        and p.end_month >= m.month
    group by grouping sets ((p.year, p.end_month, m.district), (p.year, p.end_month))
    union all
    {%- endfor %}
    select
        'fish.admin_cases_angling_share' as indicator_code,
        coalesce(m.district, '城市') as area,
        p.year,
        p.end_month,
        100.0 * sum(m.admin_angling_cases) / nullif(sum(m.admin_cases), 0) as value,
        cast(sum(m.admin_angling_cases) as double) as numerator,
        cast(sum(m.admin_cases) as double) as denominator,
        count(distinct m.month) = p.end_month as is_complete
    from periods as p
    inner join monthly as m
        on p.year = m.year
        and p.end_month >= m.month
    group by grouping sets ((p.year, p.end_month, m.district), (p.year, p.end_month))

),

-- 力量统计按变动报送：各区县取截止月末或之前最近一次已报送的统计表
district_rosters as (

    select
        p.year,
        p.end_month,
        c.district,
        {%- for column in staff_stocks.values() %}
        c.{{ column }},
        {%- endfor %}
        row_number() over (partition by p.year, p.end_month, c.district order by c.as_of_date desc) as recency
    from periods as p
    inner join capacity as c
        on p.period_end >= c.as_of_date
        and c.is_submitted

),

staff_values as (

    {%- for code, column in staff_stocks.items() %}
    select
        '{{ code }}' as indicator_code,
        coalesce(r.district, '城市') as area,
        r.year,
        r.end_month,
        cast(sum(r.{{ column }}) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        -- 全市行：全部区县都有截至期末的统计表
        case
            when grouping(r.district) = 0 then true
            else count(*) = (select count(distinct all_c.district) as n_districts from capacity as all_c)
        end as is_complete
    from district_rosters as r
    where r.recency = 1
    group by grouping sets ((r.year, r.end_month, r.district), (r.year, r.end_month))
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

-- 设备在用数：截至期末或之前最近的截至日（集市在首次统计至最后一次变动之间每个月末都有一行；
-- 期末晚于最后一次变动时，最后一行即期末在用数）
equipment_dates as (

    select
        p.year,
        p.end_month,
        max(c.as_of_date) as as_of_date
    from periods as p
    inner join capacity as c
        on p.period_end >= c.as_of_date
    group by p.year, p.end_month

),

equipment_values as (

    {%- for code, column in equipment_stocks.items() %}
    select
        '{{ code }}' as indicator_code,
        coalesce(c.district, '城市') as area,
        p.year,
        p.end_month,
        cast(sum(c.{{ column }}) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        true as is_complete
    from equipment_dates as p
    inner join capacity as c
        on p.as_of_date = c.as_of_date
    group by grouping sets ((p.year, p.end_month, c.district), (p.year, p.end_month))
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

-- 宣传：全市行为当年 1 月至截止月全部登记（含市级宣传）之和，无登记为 0；区县行只含登记了区县的条目；
-- 含“约/余”数量时标为基于近似值（approx_inputs）
publicity_city as (

    {%- for code, channel in publicity_flows.items() %}
    select
        '{{ code }}' as indicator_code,
        '城市' as area,
        p.year,
        p.end_month,
        cast(coalesce(sum(e.counted_quantity), 0) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        case when bool_or(e.quantity_qualifier is not null) then 'approx_inputs' end as qualifier,
        true as is_complete
    from periods as p
    left join publicity as e
        on p.year = e.year
        and p.end_month >= e.month
        and e.channel_code = '{{ channel }}'
    group by p.year, p.end_month
    union all
    {%- endfor %}
    -- 累计提醒短信：禁渔期（长江干流，自 2021-01-01）内、截止月末之前的全部登记（跨年累计）
    select
        'fish.sms_sent' as indicator_code,
        '城市' as area,
        p.year,
        p.end_month,
        cast(coalesce(sum(e.counted_quantity), 0) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        case when bool_or(e.quantity_qualifier is not null) then 'approx_inputs' end as qualifier,
        true as is_complete
    from periods as p
    left join publicity as e
        on p.period_end >= e.publicised_on
        and e.is_within_ban
        and e.channel_code = 'sms_sent'
    group by p.year, p.end_month

),

publicity_districts as (

    {%- for code, channel in publicity_flows.items() %}
    select
        '{{ code }}' as indicator_code,
        e.district as area,
        p.year,
        p.end_month,
        cast(sum(e.counted_quantity) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator,
        case when bool_or(e.quantity_qualifier is not null) then 'approx_inputs' end as qualifier,
        true as is_complete
    from periods as p
    inner join publicity as e
        on p.year = e.year
        and p.end_month >= e.month
        and e.channel_code = '{{ channel }}'
    where e.district is not null
    group by e.district, p.year, p.end_month
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

final as (

    select
        indicator_code,
        area,
        year,
        end_month,
        value,
        numerator,
        denominator,
        cast(null as varchar) as qualifier,
        is_complete
    from monthly_values
    union all
    select
        indicator_code,
        area,
        year,
        end_month,
        value,
        numerator,
        denominator,
        cast(null as varchar) as qualifier,
        is_complete
    from staff_values
    union all
    select
        indicator_code,
        area,
        year,
        end_month,
        value,
        numerator,
        denominator,
        cast(null as varchar) as qualifier,
        is_complete
    from equipment_values
    union all
    select
        indicator_code,
        area,
        year,
        end_month,
        value,
        numerator,
        denominator,
        qualifier,
        is_complete
    from publicity_city
    union all
    select
        indicator_code,
        area,
        year,
        end_month,
        value,
        numerator,
        denominator,
        qualifier,
        is_complete
    from publicity_districts

)

select
    cast(indicator_code as varchar) as indicator_code,
    cast(area as varchar) as area,
    cast(year as integer) as year,
    cast(end_month as integer) as end_month,
    value,
    numerator,
    denominator,
    qualifier,
    coalesce(is_complete, false) as is_complete
from final
