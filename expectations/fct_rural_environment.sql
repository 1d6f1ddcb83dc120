-- Year-to-date funds never fall month to month; each allocation table's details against its 合计 row
-- (the finding names file, sheet and row).
with details as (
    select _file_identity, sum(amount_yuan) as details_sum
    from staging.stg_soil__rural_reward_funds
    group by _file_identity
),

totals as (
    select _file_identity, _file_path, _sheet, _row_number, '下达金额（元）' as metric, amount_yuan as total_value
    from staging.stg_soil__rural_reward_fund_totals
)

select
    e.*,
    cumulative_drop(e.reward_funds_yuan, (e.district, e.year), e.end_month) as reward_funds_drop
from marts.fct_rural_environment as e
union all by name
select total_row_finding
from total_row_findings('details', 'totals', details_label := '', absolute_tolerance := 1e-6)
