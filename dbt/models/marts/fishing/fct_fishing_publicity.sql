-- 禁渔宣传事实表：一行一条宣传登记。is_within_ban 标出长江干流禁渔期（fishing_ban_periods 的 main_stream）内的登记，
-- “累计”指标（如累计发送提醒短信）按禁渔期起点至统计日求和。
with

publicity as (

    select * from {{ ref('stg_fishing__publicity') }}

),

districts as (

    select * from {{ ref('districts') }}

),

ban as (

    select
        ban_from,
        ban_to
    from {{ ref('fishing_ban_periods') }}
    where scope_code = 'main_stream'

),

final as (

    select
        p.entry_code,
        {{ fishing_record_keys('p', 'publicised_on', 'd') }},
        p.channel,
        p.channel_code,
        p.quantity,
        p.quantity_qualifier,
        p.quantity_unit,
        case when p.counts_toward_item then p.quantity end as counted_quantity,
        coalesce(p.publicised_on between b.ban_from and b.ban_to, false) as is_within_ban,
        {{ source_row_columns('p') }}
    from publicity as p
    left join districts as d
        on p.district = d.district_name
    left join ban as b
        on true

)

select * from final
