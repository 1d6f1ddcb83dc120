-- 指标记分卡：每个指标 × 地区 × 期间的本期值、上年同期值、同比（% 或百分点，由目录 yoy_kind 决定）、标准限值与达标、
-- 局定目标与是否完成（无目标时为空，不推测）。发布值只在这里按目录 decimals 做一次 GB/T 8170 修约（宏 round_gbt8170），
-- 报告、核对只打印或比较这个发布值，不再修约；同比用发布值的 DECIMAL 精确相减计算，与报告一致。上年同期优先取
-- 集市给出的同一评价口径的上年值（value_last_year_on_basis：空气质量跨 2026-03-01 的同比上年按本期口径重算）。
with

indicator_values as (

    select * from {{ ref('fct_indicator_values') }}

),

catalogue as (

    select * from {{ ref('indicators') }}

),

targets as (

    select * from {{ ref('indicator_targets') }}

),

rounded as (

    select
        v.*,
        c.name_zh,
        c.unit,
        c.decimals,
        c.yoy_kind,
        c.direction,
        {{ round_gbt8170('v.value', 'c.decimals') }} as value_published
    from indicator_values as v
    inner join catalogue as c
        on v.indicator_code = c.code

),

compared as (

    select
        cur.*,
        coalesce(cur.value_last_year_on_basis, ly.value) as value_last_year,
        {{ round_gbt8170('coalesce(cur.value_last_year_on_basis, ly.value)', 'cur.decimals') }}
            as value_last_year_published,
        case
            when cur.value_last_year_on_basis is not null then cur.assessment_basis else ly.assessment_basis
        end
            as yoy_assessment_basis
    from rounded as cur
    {{ period_prior_year_join_on('rounded', 'ly', 'cur', ['indicator_code', 'area']) }}

),

changed as (

    select
        *,
        case yoy_kind
            when 'pct'
                then
                    cast((value_published - value_last_year_published) * 100 as double)
                    / nullif(cast(value_last_year_published as double), 0)
            when 'pp' then cast(value_published - value_last_year_published as double)
        end as yoy_change
    from compared

),

period_targets as (

    select
        c.indicator_code,
        c.area,
        c.year,
        c.end_month,
        max(t.target_value) filter (where t.target_kind = 'standard_limit') as standard_limit,
        max(t.comparison) filter (where t.target_kind = 'standard_limit') as standard_comparison,
        max(t.source) filter (where t.target_kind = 'standard_limit') as standard_source,
        max(t.target_value) filter (where t.target_kind = 'bureau_target') as target_value,
        max(t.comparison) filter (where t.target_kind = 'bureau_target') as target_comparison,
        max(t.source) filter (where t.target_kind = 'bureau_target') as target_source
    from changed as c
    inner join targets as t
        on c.indicator_code = t.indicator_code
        and c.period_end between t.valid_from and t.valid_to
    group by c.indicator_code, c.area, c.year, c.end_month

),

final as (

    select
        c.indicator_code,
        c.domain,
        c.name_zh,
        c.area,
        c.year,
        c.end_month,
        c.period_end,
        c.unit,
        c.value,
        cast(c.value_published as double) as value_report,
        c.numerator,
        c.denominator,
        c.value_last_year,
        cast(c.value_last_year_published as double) as value_last_year_report,
        c.yoy_kind,
        cast(c.yoy_change as double) as yoy_change,
        cast({{ round_gbt8170('c.yoy_change', 1) }} as double) as yoy_change_report,
        case
            when c.yoy_change is null or c.yoy_change = 0 then null
            else (c.yoy_change < 0) = (c.direction = 'lower')
        end as is_improved,
        t.standard_limit,
        t.standard_source,
        {{ indicator_meets('c.value_published', 't.standard_comparison', 't.standard_limit') }}
            as meets_standard,
        t.target_value,
        t.target_source,
        {{ indicator_meets('c.value_published', 't.target_comparison', 't.target_value') }} as meets_target,
        c.qualifier,
        c.is_complete,
        c.assessment_basis,
        c.yoy_assessment_basis,
        c.is_statistic_valid,
        c.statistic_validity_note
    from changed as c
    left join period_targets as t using (indicator_code, area, year, end_month)

)

select * from final
