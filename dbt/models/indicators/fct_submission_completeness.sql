-- 报送完整性：来源 × 报送单位（区县、站点或“全市”）× 月份 一行，应报（registry 的 expected）对实报（已装载文件的行）。
-- 月份范围 = 收件箱中月报的最早至最晚报送期。月报按报送期计；年报按年度计；台账按文件日期覆盖到的月份计
-- （文件名中的报送日期不早于该月月末；无日期的台账视为覆盖全部月份）。
{%- set unit_sources = [] %}
{%- set station_registers = [] %}
{#- which raw tables to read comes from raw._sources, written by the ingest before dbt runs; a database
    without it (the empty one sqlfluff compiles against) gets no per-source branches, and a real run
    still fails on the registry CTE below -#}
{%- set registry_relation = source('raw_ingest', '_sources') %}
{%- if execute and load_relation(registry_relation) is not none %}
    {%- set registry = run_query(
        "select source, unit_column, per, register, register_column from " ~ registry_relation
    ) %}
    {%- for row in registry.rows %}
        {%- if row['unit_column'] %}{% do unit_sources.append(row) %}{% endif %}
        {%- if row['per'] == 'station' %}{% do station_registers.append(row) %}{% endif %}
    {%- endfor %}
{%- endif %}
with

registry as (

    select * from {{ source('raw_ingest', '_sources') }}

),

loaded_files as (

    select * from {{ source('raw_ingest', '_files') }}
    where status = 'loaded'

),

districts as (

    select * from {{ ref('districts') }}

),

month_span as (

    select
        min(cast(regexp_extract(file_identity, 'period=(\d{4}-\d{2})', 1) || '-01' as date)) as first_month,
        max(cast(regexp_extract(file_identity, 'period=(\d{4}-\d{2})', 1) || '-01' as date)) as last_month
    from loaded_files
    where regexp_matches(file_identity, 'period=\d{4}-\d{2}')

),

months as (

    select cast(month_start as date) as month_start
    from month_span,
        generate_series(first_month, last_month, interval 1 month) as months (month_start)

),

-- 应报单位：per = district → 全部区县；per = station → 站点名录中的站点；否则全市一份
expected_units as (

    select
        r.source,
        cast(d.district_name as varchar) as unit
    from registry as r
    cross join districts as d
    where r.per = 'district'
    {%- for row in station_registers %}
    union all
    select distinct '{{ row["source"] }}' as source, cast({{ adapter.quote(row['register_column']) }} as varchar) as unit
    from raw.{{ adapter.quote(row['register']) }}
    {%- endfor %}
    union all
    select
        source,
        '全市' as unit
    from registry
    where per is null

),

-- 实报：每个已装载文件中各报送单位的行数（raw 表只保留每个报送对象的现行版本）
received_rows as (

    {%- for row in unit_sources %}
    select
        '{{ row["source"] }}' as source,
        cast({{ adapter.quote(row['unit_column']) }} as varchar) as unit,
        _file_path as file_path,
        _file_identity as file_identity,
        _file_version as file_version,
        count(*) as n_rows
    from raw.{{ adapter.quote(row['source']) }}
    group by all
    union all
    {%- endfor %}
    select
        f.source,
        '全市' as unit,
        f.file_path,
        f.file_identity,
        f.file_version,
        f.rows_loaded as n_rows
    from loaded_files as f
    inner join registry as r
        on f.source = r.source
    where r.unit_column is null

),

received as (

    select
        source,
        unit,
        file_path,
        n_rows,
        try_cast(regexp_extract(file_identity, 'period=(\d{4}-\d{2})', 1) || '-01' as date) as period_month,
        try_cast(regexp_extract(file_identity, 'year=(\d{4})', 1) as integer) as period_year,
        -- the submission date in the version ('0001-01-01' = the file name carries none)
        try_cast(left(file_version, 10) as date) as as_of
    from received_rows

),

expected as (

    select
        r.domain,
        r.source,
        r.cadence,
        r.per,
        u.unit,
        m.month_start
    from registry as r
    inner join expected_units as u
        on r.source = u.source
    cross join months as m

),

final as (

    select
        e.domain,
        e.source,
        e.cadence,
        e.per,
        e.unit,
        cast(year(e.month_start) as integer) as year,
        cast(month(e.month_start) as integer) as month,
        count(r.source) > 0 as is_received,
        cast(coalesce(sum(r.n_rows), 0) as bigint) as n_rows,
        string_agg(distinct r.file_path, '; ' order by r.file_path) as files
    from expected as e
    left join received as r
        on e.source = r.source
        and e.unit = r.unit
        and case
            -- a form sent only when something changes (on_change) stays in force until the next one
            when r.period_month is not null and e.cadence = 'on_change' then e.month_start >= r.period_month
            when r.period_month is not null then e.month_start = r.period_month
            when r.period_year is not null then r.period_year = year(e.month_start)
            else r.as_of = date '0001-01-01' or r.as_of >= last_day(e.month_start)
        end
    group by e.domain, e.source, e.cadence, e.per, e.unit, e.month_start

)

select * from final
