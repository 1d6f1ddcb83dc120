-- 指标值（长表）：各领域取数模型（vars.indicator_feeds）的合并，加上指标目录信息与报送完整性。
-- 一个值所依赖的来源（indicators.sources）在期间内任一月份缺报，则 is_complete = false（报告标“暂定”）；
-- 区县行只看该区县的报送，全市行看全部报送单位。
with

feeds as (

    {%- for feed in indicator_feed_models() %}
    select
        indicator_code,
        area,
        year,
        end_month,
        value,
        numerator,
        denominator,
        qualifier,
        is_complete,
        {{ indicator_feed_column(feed, 'assessment_basis', 'varchar') }},
        {{ indicator_feed_column(feed, 'value_last_year_on_basis', 'double') }},
        {{ indicator_feed_column(feed, 'is_statistic_valid', 'boolean') }},
        {{ indicator_feed_column(feed, 'statistic_validity_note', 'varchar') }}
    from {{ ref(feed) }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

catalogue as (

    select * from {{ ref('indicators') }}

),

completeness as (

    select * from {{ ref('fct_submission_completeness') }}

),

indicator_sources as (

    select
        code as indicator_code,
        unnest(string_split(trim(sources), ' ')) as source
    from catalogue
    where coalesce(trim(sources), '') <> ''

),

missing_submissions as (

    select
        f.indicator_code,
        f.area,
        f.year,
        f.end_month,
        count(*) as n_missing,
        string_agg(
            c.source || ':' || c.unit || ':' || c.year || '-' || lpad(cast(c.month as varchar), 2, '0'), '; '
            order by c.source, c.unit, c.year, c.month
        ) as missing
    from feeds as f
    inner join indicator_sources as s
        on f.indicator_code = s.indicator_code
    inner join completeness as c
        on s.source = c.source
        and f.year = c.year
        and f.end_month >= c.month
        and not c.is_received
        and (f.area = '城市' or c.per is distinct from 'district' or f.area = c.unit)
    group by f.indicator_code, f.area, f.year, f.end_month

),

final as (

    select
        f.indicator_code,
        cast(c.domain as varchar) as domain,
        f.area,
        f.area = '城市' as is_city,
        f.year,
        f.end_month,
        make_date(f.year, 1, 1) as period_start,
        cast(last_day(make_date(f.year, f.end_month, 1)) as date) as period_end,
        f.value,
        f.numerator,
        f.denominator,
        f.qualifier,
        f.is_complete as is_feed_complete,
        cast(coalesce(m.n_missing, 0) as integer) as n_missing_submissions,
        m.missing as missing_submissions,
        f.is_complete and m.n_missing is null as is_complete,
        f.assessment_basis,
        f.value_last_year_on_basis,
        f.is_statistic_valid,
        f.statistic_validity_note
    from feeds as f
    left join catalogue as c
        on f.indicator_code = c.code
    left join missing_submissions as m
        on f.indicator_code = m.indicator_code
        and f.area = m.area
        and f.year = m.year
        and f.end_month = m.end_month

)

select * from final
