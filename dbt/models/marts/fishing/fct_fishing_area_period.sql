-- 禁渔指标的地区 × 期间（契约表）：area = 城市（全市）或区县；期间（截止月）取区县月度执法汇总中出现过的全部月份。
-- 巡查、案件、清理取缔为 1 月至截止月的月度数之和（违规垂钓占比由分子分母之和计算）；宣传为当年 1 月至截止月的
-- 登记数之和，累计提醒短信为禁渔期起点至截止月末之和（跨年）；执法力量为存量：各区县取截止月末或之前最近一次报送的
-- 力量统计（按变动报送，未变动的月份沿用上次报送）；设备在用数只在力量统计表的截至日由 fct_fishing_capacity
-- 按设备台账逐台计算，取截至期末或之前最近的截至日。全市行为各区县之和，宣传的全市行另含未登记区县的市级宣传。
{%- set monthly_flows = [
    'nets_removed', 'unlicensed_boats_cleared', 'self_use_boats_managed', 'joint_patrols', 'staff_times',
    'vehicle_times', 'boat_times', 'water_km', 'admin_cases', 'admin_angling_cases', 'fines_yuan',
    'criminal_cases'] %}
{%- set staff_stocks = ['enforcement_staff', 'patrol_team_members', 'grid_wardens'] %}
{%- set equipment_stocks = ['monitoring_points', 'optical_devices', 'shared_radars', 'small_target_radars'] %}
{%- set publicity_channels = ['media_reports', 'platform_posts', 'leaflets', 'public_ads'] %}
{%- set publicity_columns = [] %}
{%- for channel in publicity_channels + ['sms_sent'] %}
{%- do publicity_columns.extend([channel, channel ~ '_qualifier']) %}
{%- endfor %}
{%- set area_parts = {
    'monthly_values': monthly_flows + ['admin_angling_share_pct', 'is_monthly_complete'],
    'staff_values': staff_stocks + ['is_roster_complete'],
    'equipment_values': equipment_stocks,
    'publicity_values': publicity_columns} %}
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

periods as (

    {{ period_end_months({'monthly': 'month'}, with_bounds=true) }}

),

-- 当年 1 月至截止月每月都在汇总中才算完整
monthly_values as (

    {% call period_area_ytd('monthly', 'm', monthly_flows) %}
        100.0 * sum(m.admin_angling_cases) / nullif(sum(m.admin_cases), 0) as admin_angling_share_pct,
        count(distinct m.month) = p.end_month as is_monthly_complete
    {% endcall %}

),

district_rosters as (

    select
        p.year,
        p.end_month,
        c.district,
        {{ qualified_columns('c', staff_stocks) }}
        row_number() over (partition by p.year, p.end_month, c.district order by c.as_of_date desc) as recency
    from periods as p
    inner join capacity as c
        on p.period_end >= c.as_of_date
        and c.is_submitted

),

-- 全市行：全部区县都有截至期末的统计表才算完整
staff_values as (

    select
        {{ period_area_sums('r', 'r', staff_stocks) }},
        case
            when grouping(r.district) = 0 then true
            else count(*) = (select count(distinct all_c.district) as n_districts from capacity as all_c)
        end as is_roster_complete
    from district_rosters as r
    where r.recency = 1
    {{ period_group_by_area('r.district', ['r.year', 'r.end_month']) }}

),

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

    select
        {{ period_area_sums('c', 'p', equipment_stocks) }}
    from equipment_dates as p
    inner join capacity as c
        on p.as_of_date = c.as_of_date
    {{ period_group_by_area('c.district', ['p.year', 'p.end_month']) }}

),

-- 宣传：全市行为当年 1 月至截止月全部登记（含市级宣传）之和，无登记为 0；区县行只含登记了该区县的渠道；
-- 含“约/余”数量时标为基于近似值（approx_inputs）
publicity_city as (

    select
        {{ city_label() }} as area,
        p.year,
        p.end_month,
        {%- for channel in publicity_channels %}
        {%- set in_period =
            "e.channel_code = '" ~ channel ~ "' and p.year = e.year and p.end_month >= e.month" %}
        cast(coalesce(sum(e.counted_quantity) filter (where {{ in_period }}), 0) as double) as {{ channel }},
        case
            when bool_or(e.quantity_qualifier is not null) filter (where {{ in_period }})
                then 'approx_inputs'
        end as {{ channel }}_qualifier,
        {%- endfor %}
        {%- set in_ban =
            "e.channel_code = 'sms_sent' and e.is_within_ban and p.period_end >= e.publicised_on" %}
        cast(coalesce(sum(e.counted_quantity) filter (where {{ in_ban }}), 0) as double) as sms_sent,
        case
            when bool_or(e.quantity_qualifier is not null) filter (where {{ in_ban }}) then 'approx_inputs'
        end as sms_sent_qualifier
    from periods as p
    left join publicity as e
        on true
    group by p.year, p.end_month

),

publicity_districts as (

    select
        e.district as area,
        p.year,
        p.end_month,
        {%- for channel in publicity_channels %}
        cast(sum(e.counted_quantity) filter (where e.channel_code = '{{ channel }}') as double)
            as {{ channel }},
        case
            when bool_or(e.quantity_qualifier is not null) filter (where e.channel_code = '{{ channel }}')
                then 'approx_inputs'
        end as {{ channel }}_qualifier,
        {%- endfor %}
        cast(null as double) as sms_sent,
        cast(null as varchar) as sms_sent_qualifier
    from periods as p
    inner join publicity as e
        on p.year = e.year
        and p.end_month >= e.month
    where e.district is not null
    group by e.district, p.year, p.end_month

),

publicity_values as (

    select * from publicity_city
    union all
    select * from publicity_districts

),

final as (

    {{ period_area_rows(area_parts) }}

)

select * from final
