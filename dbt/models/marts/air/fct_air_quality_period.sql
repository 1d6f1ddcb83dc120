-- 期间空气质量统计：每个自然月（period_kind = 'month'）和每个年初至月末（'ytd'）× 每个评价口径（assessment_basis，
-- 即规则集 2012 / 2026）一行：期间的每一天都按该口径的 AQI 规则计算（int_air__city_daily_by_basis），跨 2026-03-01 的期间
-- 因此有两版完整的统计。发布哪一版由 dbt 变量 air_published_basis 决定（默认 in_force_at_period_end = 期末适用的规则集；
-- 或一个规则集编码，所有期间都发布该口径），is_published_basis 标出；同比与上年同期同一口径（上年按本口径重算）。
-- 浓度统计 = 城市日值的统计（剔除该污染物的例外事件日）；百分位数按 HJ 663 附录A（线性插值 = quantile_cont）；
-- 天数与比例以 AQI 有效天为分母；综合指数用本口径那版 GB 3095 在期末有效的二级限值；同比由修约后的发布值计算。
-- 统计有效性（GB 3095 表4，阈值见 air_validity_rules）：月值要求该月有效日值≥27（二月≥25）；年初至今要求期内
-- 每个月都满足，全年（年初至12月）另要求≥324个有效日值；百分位数（CO P95、O3 P90）同此。
with

city_daily as (

    select * from {{ ref('int_air__city_daily_by_basis') }}

),

rulesets as (

    select * from {{ ref('air_rulesets') }}

),

limits as (

    select * from {{ ref('gb3095_limits') }}

),

pollutants as (

    select * from {{ ref('air_pollutants') }}

),

{%- set daily_column = air_statistic_daily_columns() %}
{%- set stat_pollutants = daily_column.keys() | list %}
{%- set period_value = air_period_statistic_columns() %}
{%- set yoy_column = {
    'so2': 'so2_yoy_pct', 'no2': 'no2_yoy_pct', 'co': 'co_yoy_pct', 'o3': 'o3_yoy_pct',
    'pm10': 'pm10_yoy_pct', 'pm25': 'pm25_yoy_pct'} %}
{%- set categories = [
    ('优', 'excellent'), ('良', 'good'), ('轻度污染', 'lightly_polluted'),
    ('中度污染', 'moderately_polluted'), ('重度污染', 'heavily_polluted'), ('严重污染', 'severely_polluted')] %}

periods as (

    {{ air_report_periods('city_daily') }}

),

-- a pollutant's concentration is left out of its period statistics on its exceptional-event days
daily_for_stats as (

    {{ air_daily_for_statistics('city_daily', [
        'assessment_basis', 'ruleset', 'is_retrospective', 'is_ruleset_in_force',
        'aqi_category', 'is_valid_day', 'is_good_day',
    ]) }}

),

period_bases as (

    select distinct
        p.*,
        d.assessment_basis
    from periods as p
    inner join city_daily as d
        on d.obs_date between p.period_start and p.period_end

),

period_stats as (

    select
        {{ air_period_keys('p', 'p') }},
        cast(p.period_end - p.period_start + 1 as integer) as n_calendar_days,
        cast(count(d.obs_date) as integer) as n_days,
        string_agg(distinct d.ruleset, '+' order by d.ruleset) as rulesets_in_period,
        cast(count(d.obs_date) filter (where d.is_retrospective) as integer) as n_retrospective_days,
        cast(count(d.obs_date) filter (where not d.is_ruleset_in_force) as integer) as n_recomputed_days,
        {{ air_period_concentrations('d') }},
        cast(count(d.obs_date) filter (where d.is_exceptional_event_day) as integer)
            as n_exceptional_event_days,
        {{ air_period_day_counts('d') }},
    {%- for zh, en in categories %}
    cast(count(d.obs_date) filter (where d.aqi_category = '{{ zh }}') as integer)
        as days_{{ en }}{{ ',' if not loop.last }}
    {%- endfor %}
    from period_bases as p
    left join daily_for_stats as d
        on d.obs_date between p.period_start and p.period_end
        and p.assessment_basis = d.assessment_basis
    group by all

),

statistic_validity as (

    {{ air_statistic_validity('periods', 'daily_for_stats', ['assessment_basis']) }}

),

-- S_i of the composite index: the 二级 limit of the basis' GB 3095 (air_rulesets.limits_standard) in force
-- at the period end, of the averaging time that the pollutant seed names (annual for SO2/NO2/PM10/PM2.5, 24h
-- for CO, mda8 for O3). A period end outside that standard's dates takes its nearest set: before its first
-- limits (GB 3095-2012 from 2016-01-01: 按新标准回算) the first set, after its repeal (2012 basis of a 2026
-- period) its last set, and a 2026-basis period before 2026-03-01 the GB 3095-2026 过渡阶段 limits
basis_limits as (

    select
        r.ruleset as assessment_basis,
        l.*,
        min(l.valid_from) over (partition by r.ruleset) as standard_first_day,
        max(l.valid_to) over (partition by r.ruleset) as standard_last_day
    from rulesets as r
    inner join limits as l
        on r.limits_standard = l.standard

),

composite_limits as (

    select
        p.period_kind,
        p.year,
        p.end_month,
        p.assessment_basis,
        {%- for p in stat_pollutants %}
        max(l.limit_value) filter (where l.pollutant = '{{ p }}') as limit_{{ p }},
        {%- endfor %}
        string_agg(distinct l.standard || ' ' || l.stage, '; ') as composite_limits_standard
    from period_bases as p
    cross join pollutants as po
    inner join basis_limits as l
        on p.assessment_basis = l.assessment_basis
        and po.pollutant = l.pollutant
        and po.composite_averaging = l.averaging
        and l.zone_class = '二级'
        and greatest(
            least(p.period_end, l.standard_last_day), l.standard_first_day
        ) between l.valid_from and l.valid_to
    group by p.period_kind, p.year, p.end_month, p.assessment_basis

),

period_labels as (

    {{ air_period_bases('periods') }}

),

report_decimals as (

    select
    {%- for p in stat_pollutants %}
    max(report_decimals) filter (where pollutant = '{{ p }}')
        as decimals_{{ p }}{{ ',' if not loop.last }}
    {%- endfor %}
    from pollutants

),

scored as (

    select
        s.*,
        {{ air_good_day_ratio('s.good_days', 's.valid_days') }} as good_day_ratio,
        {%- for zh, en in categories %}
        s.days_{{ en }} * 100.0 / nullif(s.valid_days, 0) as share_{{ en }}_pct,
        {%- endfor %}
        {%- for p in stat_pollutants %}
        s.{{ period_value[p] }} / l.limit_{{ p }}{{ ' + ' if not loop.last }}
        {%- endfor %} as composite_index,
        l.composite_limits_standard,
        {%- for p in stat_pollutants %}
        {{ round_gbt8170('s.' ~ period_value[p], 'r.decimals_' ~ p) }} as {{ period_value[p] }}_report,
        {%- endfor %}
        {{ round_gbt8170(air_good_day_ratio('s.good_days', 's.valid_days'), 1) }} as good_day_ratio_report,
        {%- for p in stat_pollutants %}
        v.{{ p }}_statistic_valid,
        case when not v.{{ p }}_statistic_valid then v.{{ p }}_statistic_invalid_reason end
            as {{ p }}_statistic_invalid_reason,
        {%- endfor %}
        b.assessment_standard,
        b.is_published_basis,
        b.published_basis_setting
    from period_stats as s
    left join composite_limits as l using (period_kind, year, end_month, assessment_basis)
    left join statistic_validity as v using (period_kind, year, end_month, assessment_basis)
    left join period_labels as b using (period_kind, year, end_month, assessment_basis)
    cross join report_decimals as r

),

final as (

    select
        {{ air_period_published_columns('cur', 'cur') }},
        cur.n_calendar_days,
        cur.n_days,
        cur.rulesets_in_period,
        cur.n_recomputed_days,
        cur.n_retrospective_days,
        cur.n_retrospective_days > 0 as has_retrospective_days,
        {{ air_period_concentration_columns('cur') }}
        {{ qualified_columns('cur', stat_pollutants, suffix='_statistic_valid') }}
        {{ qualified_columns('cur', stat_pollutants, suffix='_statistic_invalid_reason') }}
        cur.n_exceptional_event_days,
        cur.valid_days,
        cur.good_days,
        {%- for zh, en in categories %}
        cur.days_{{ en }},
        {%- endfor %}
        {%- for zh, en in categories %}
        cur.share_{{ en }}_pct,
        {%- endfor %}
        cur.good_day_ratio,
        cur.composite_index,
        cur.composite_limits_standard,
        {%- for p in stat_pollutants %}
        cur.{{ period_value[p] }}_report,
        {%- endfor %}
        cur.good_day_ratio_report,
        {%- for p in stat_pollutants %}
        ly.{{ period_value[p] }} as {{ period_value[p] }}_ly,
        {%- endfor %}
        ly.good_day_ratio as good_day_ratio_ly,
        ly.composite_index as composite_index_ly,
        {%- for p in stat_pollutants %}
        cast(
            (cur.{{ period_value[p] }}_report - ly.{{ period_value[p] }}_report)
            / nullif(ly.{{ period_value[p] }}_report, 0) * 100
            as double
        ) as {{ yoy_column[p] }},
        {%- endfor %}
        cast(cur.good_day_ratio_report - ly.good_day_ratio_report as double) as good_day_ratio_yoy_pp,
        cast(ly.assessment_basis as varchar) as yoy_assessment_basis,
        ly.n_recomputed_days > 0 as yoy_previous_year_recomputed
    from scored as cur
    {{ air_period_prior_year_join('scored', 'ly', 'cur') }}

)

select * from final
