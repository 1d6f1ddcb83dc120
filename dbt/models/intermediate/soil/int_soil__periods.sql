-- 土壤领域的统计期：每个年份自 1 月起至各月月末的年内累计期（YTD），范围从最早事件所在年的 1 月到最晚事件所在月。
-- 事件即各台账、记录中的日期与月报报送期；台账可早于 2022 年，因此期数随数据而定。
with

{%- set events = [
    ('stg_soil__plot_surveys', ['started_on', 'report_completed_on']),
    ('stg_soil__villages', ['sewage_done_on']),
    ('stg_soil__sewage_facility_inspections', ['inspected_on']),
    ('stg_soil__black_odorous_water', ['listed_on', 'treated_on', 'accepted_on']),
    ('stg_soil__scale_farms', ['filed_on', 'equipped_on']),
    ('stg_soil__manure_monthly', ['report_month']),
    ('stg_soil__manure_subsidies', ['applied_on']),
    ('stg_soil__fertilizer_demo_sites', ['established_on']),
    ('stg_soil__rural_inspections', ['inspected_on']),
    ('stg_soil__rural_reward_funds', ['allocated_on']),
    ('stg_soil__hazwaste_inspections', ['checked_on']),
    ('stg_soil__hazwaste_cases', ['filed_on']),
    ('stg_soil__hazwaste_trainings', ['trained_on']),
] %}

source as (

    {%- for model, columns in events %}
    {%- for column in columns %}
    select cast({{ column }} as date) as event_date from {{ ref(model) }}
    {{- '\n    union all' if not loop.last }}
    {%- endfor %}
    {{- '\n    union all' if not loop.last }}
    {%- endfor %}

),

bounds as (

    select
        cast(date_trunc('year', min(event_date)) as date) as first_month,
        cast(date_trunc('month', max(event_date)) as date) as last_month
    from source
    where event_date is not null

),

months as (

    select cast(unnest(generate_series(first_month, last_month, interval 1 month)) as date) as month_start
    from bounds
    where first_month is not null

),

final as (

    select
        {{ period_ytd_of_month('month_start') }}
    from months

)

select * from final
