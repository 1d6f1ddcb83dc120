-- Year-to-date funds never fall month to month; each allocation table's details against its 合计 row
-- (the finding names file, sheet and row).
with details as (
    select _file_identity, sum(amount_yuan) as details_sum
    from staging.stg_soil__rural_reward_funds
    group by _file_identity
),

total_findings as (
    select
        case
            when abs(coalesce(d.details_sum, 0) - coalesce(t.total_yuan, 0)) < 1e-6 then 'ok'
            else format(
                '{} 工作表「{}」第{}行 合计 下达金额 = {} 元，各明细之和 = {} 元',
                t._file_path, t._sheet, t._row_number, t.total_yuan, coalesce(d.details_sum, 0)
            )
        end as total_row_finding
    from (
        select _file_identity, _file_path, _sheet, _row_number, amount_yuan as total_yuan
        from staging.stg_soil__rural_reward_fund_totals
    ) as t
    left join details as d using (_file_identity)
)

select
    e.*,
    coalesce(lag(e.reward_funds_yuan) over (partition by e.district, e.year order by e.end_month) - e.reward_funds_yuan, 0)
        as reward_funds_drop,
    null::varchar as total_row_finding
from marts.fct_rural_environment as e
union all by name
select total_row_finding from total_findings
