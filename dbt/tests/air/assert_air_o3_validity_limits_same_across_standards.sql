-- 站点日的 O3“有效小时不足时超过限值仍有效”按日期取 O3 二级限值；int_air__city_daily_by_basis 把同一城市浓度用于
-- 两个评价口径，前提是各版 GB 3095 的 O3 二级限值（mda8、1h）相同。某版改了这一限值时本测试失败：届时站点日须按
-- 评价口径分别判定 O3 有效性（docs/air.md §5）。
select
    averaging,
    string_agg(distinct standard || ' ' || stage || ': ' || cast(limit_value as varchar), '; ') as limits
from {{ ref('gb3095_limits') }}
where
    pollutant = 'o3'
    and zone_class = '二级'
    and averaging in ('mda8', '1h')
group by averaging
having count(distinct limit_value) > 1
