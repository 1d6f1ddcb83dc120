-- 指标值（长表）：指标目录（种子 indicators）每行从其来源集市（地区 × 期间，vars.indicator_source_marts）读取的值，
-- 加上指标目录信息与报送完整性。
-- 一个值所依赖的来源（indicators.sources）在期间内任一月份缺报，则 is_complete = false（报告标“暂定”）；
-- 区县行只看该区县的报送，全市行看全部报送单位。
{%- for mart in var('indicator_source_marts') %}
-- depends_on: {{ ref(mart) }}
{%- endfor %}
with

mart_values as (

    {%- for row in indicator_catalogue_rows() %}
    {{ indicator_values(row) }}
    union all
    {%- endfor %}
    select
    {%- for name, data_type in indicator_value_columns() %}
        cast(null as {{ data_type }}) as {{ name }}{{ ',' if not loop.last }}
    {%- endfor %}
    where false

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
    from mart_values as f
    inner join indicator_sources as s
        on f.indicator_code = s.indicator_code
    inner join completeness as c
        on s.source = c.source
        and f.year = c.year
        and f.end_month >= c.month
        and not c.is_received
        and (f.area = {{ city_label() }} or c.per is distinct from 'district' or f.area = c.unit)
    group by f.indicator_code, f.area, f.year, f.end_month

),

final as (

    select
        f.indicator_code,
        cast(c.domain as varchar) as domain,
        f.area,
        f.area = {{ city_label() }} as is_city,
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
    from mart_values as f
    left join catalogue as c
        on f.indicator_code = c.code
    left join missing_submissions as m using (indicator_code, area, year, end_month)

)

select * from final
