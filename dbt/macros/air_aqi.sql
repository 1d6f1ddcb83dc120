{#-
    Daily IAQI / AQI rules of HJ 633-2012 and HJ 633-2026 (indicator-rules §1.5–§1.8), written once
    and used for station-days (int_air__station_daily), city-days (int_air__city_daily) and the long
    IAQI table (int_air__daily_iaqi). Every number comes from the reference seeds:
      air_rulesets        (which ruleset a date falls under: 2012 up to 2026-02-28 whatever the year, 2026 after)
      air_aqi_publication (the city's first day of AQI publication; earlier days are 按新标准回算)
      aqi_breakpoints     (segments, the >800 and above-table special cases)
      aqi_daily_items     (which items a ruleset's daily AQI uses, primary-pollutant labels, 超标 threshold)
      air_validity_rules  (per ruleset: the lowest AQI that is published when an item is missing)
      air_pollutants      (concentration decimals before the IAQI)
      aqi_categories      (level, category, colour)

    Each macro returns a complete SELECT (it may start with its own WITH) over a relation or CTE
    name, so a model writes e.g. `iaqi as ({{ air_daily_iaqi('concentrations', ['station_code']) }})`.
-#}

{% macro air_daily_item_codes() -%}
    {{ return(['so2_24h', 'no2_24h', 'pm10_24h', 'co_24h', 'o3_1h', 'o3_8h', 'pm25_24h']) }}
{%- endmacro %}

{#-
    air_daily_iaqi(concentrations, key_columns, basis_column=none)
    concentrations: relation/CTE with key_columns, obs_date and one column per item code
    (so2_24h, no2_24h, pm10_24h, co_24h, o3_1h, o3_8h, pm25_24h; unrounded, canonical units).
    Returns one row per key × obs_date × item of the ruleset's daily set:
      ruleset (by obs_date within air_rulesets valid_from…valid_to; a day outside every ruleset
      produces no rows, and air_day_ruleset reports it; with basis_column, the ruleset named in that
      column instead, whatever the date: the day assessed under another ruleset, which must then be one
      of key_columns), item, pollutant, primary_label, sort_order, exceeding_iaqi_above, reports_exceeding,
      concentration, concentration_rounded (GB/T 8170 half-even on DECIMAL to the pollutant's
      concentration_decimals), segment, iaqi_exact (linear interpolation), iaqi (CEILING of
      round(iaqi_exact, 6): float noise never pushes an exact integer up), caps_at_top,
      is_missing (no valid concentration), has_no_segment (a concentration that no segment
      covers: HJ 633-2012 O3 8h > 800, whose IAQI is not computed).
-#}
{% macro air_daily_iaqi(concentrations, key_columns, basis_column=none) -%}
    {%- set keys = key_columns | join(', ') ~ (', ' if key_columns else '') -%}
    with
    iaqi_rulesets as (
        select ruleset, valid_from, valid_to
        from {{ ref('air_rulesets') }}
    ),
    iaqi_items as (
        select ruleset, item, pollutant, primary_label, sort_order, exceeding_iaqi_above, reports_exceeding
        from {{ ref('aqi_daily_items') }}
    ),
    iaqi_pollutants as (
        select pollutant, concentration_decimals
        from {{ ref('air_pollutants') }}
    ),
    iaqi_breakpoints as (
        select ruleset, item, segment, bp_lo, bp_hi, iaqi_lo, iaqi_hi, caps_at_top
        from {{ ref('aqi_breakpoints') }}
    ),
    iaqi_long as (
        select
            {{ qualified_columns('c', key_columns) }}
            c.obs_date,
            r.ruleset,
            i.item,
            i.pollutant,
            i.primary_label,
            i.sort_order,
            i.exceeding_iaqi_above,
            i.reports_exceeding,
            cast(case i.item
                {%- for item in air_daily_item_codes() %}
                when '{{ item }}' then c.{{ item }}
                {%- endfor %}
            end as double) as concentration,
            p.concentration_decimals
        from {{ concentrations }} as c
        inner join iaqi_rulesets as r
            {%- if basis_column %}
            on r.ruleset = c.{{ basis_column }}
            {%- else %}
            on c.obs_date between r.valid_from and r.valid_to
            {%- endif %}
        inner join iaqi_items as i
            on i.ruleset = r.ruleset
        left join iaqi_pollutants as p
            on p.pollutant = i.pollutant
    ),
    iaqi_rounded as (
        select
            *,
            {{ round_gbt8170('concentration', 'concentration_decimals') }} as concentration_rounded
        from iaqi_long
    ),
    iaqi_segmented as (
        select
            x.*,
            b.segment,
            b.bp_lo,
            b.bp_hi,
            b.iaqi_lo,
            b.iaqi_hi,
            b.caps_at_top
        from iaqi_rounded as x
        left join iaqi_breakpoints as b
            on b.ruleset = x.ruleset
            and b.item = x.item
            and cast(x.concentration_rounded as double) >= b.bp_lo
            and (b.bp_hi is null or cast(x.concentration_rounded as double) <= b.bp_hi)
        {#- on a shared breakpoint both segments give the same IAQI: keep the lower one, so a value
            equal to the top breakpoint is not flagged as capped -#}
        qualify row_number() over (
            partition by {{ keys }}x.obs_date, x.item
            order by b.segment nulls last
        ) = 1
    ),
    iaqi_scored as (
        select
            *,
            case
                when segment is null then null
                when iaqi_hi = iaqi_lo then cast(iaqi_lo as double)
                else (cast(iaqi_hi as double) - iaqi_lo) / (bp_hi - bp_lo)
                    * (cast(concentration_rounded as double) - bp_lo) + iaqi_lo
            end as iaqi_exact
        from iaqi_segmented
    )
    select
        {%- for k in key_columns %}
        {{ k }},
        {%- endfor %}
        obs_date,
        ruleset,
        item,
        pollutant,
        primary_label,
        sort_order,
        exceeding_iaqi_above,
        reports_exceeding,
        concentration,
        concentration_rounded,
        segment,
        iaqi_exact,
        cast(ceil(round(iaqi_exact, 6)) as integer) as iaqi,
        coalesce(caps_at_top, false) as caps_at_top,
        concentration is null as is_missing,
        concentration is not null and segment is null as has_no_segment
    from iaqi_scored
{%- endmacro %}


{#-
    air_daily_aqi(iaqi, key_columns)
    iaqi: the output of air_daily_iaqi. Returns one row per key × obs_date:
      aqi_available = max IAQI of the items that have one;
      aqi = aqi_available when no item is missing, or when aqi_available reaches the ruleset's
            missing_item_min_aqi_published (air_validity_rules): 101 for 2026 (HJ 633-2026 §5.3
            "缺测时仅当其余项目AQI>100才发布"), 0 for 2012 (HJ 633-2012 has no such rule: the AQI of
            the remaining items is published, [U]); else NULL;
      aqi_from_partial_items = an AQI is published although an item is missing;
      primary_pollutants = the primary_label of every item whose IAQI equals aqi (并列: joined with
            ',' in the seed's sort_order) when aqi > 50, else NULL;
      exceeding_pollutants = items with IAQI > exceeding_iaqi_above where the ruleset reports_exceeding
            (HJ 633-2012 超标污染物; HJ 633-2026 deleted the concept, so NULL there);
      aqi_level_no / aqi_level / aqi_category / aqi_colour / aqi_rgb from aqi_categories;
      missing_items, n_items, n_items_missing, aqi_withheld (AQI NA by the rule above),
      iaqi_capped (an item above its top breakpoint, IAQI capped at 500).
-#}
{% macro air_daily_aqi(iaqi, key_columns) -%}
    {%- set keys = key_columns | join(', ') ~ (', ' if key_columns else '') -%}
    with
    aqi_items as (
        select
            *,
            max(iaqi) over (partition by {{ keys }}obs_date) as day_max_iaqi
        from {{ iaqi }}
    ),
    aqi_days as (
        select
            {{ keys }}obs_date,
            any_value(ruleset) as ruleset,
            cast(count(*) as integer) as n_items,
            cast(count(*) filter (where is_missing) as integer) as n_items_missing,
            string_agg(primary_label, ',' order by sort_order) filter (where is_missing) as missing_items,
            max(iaqi) as aqi_available,
            string_agg(primary_label, ',' order by sort_order)
                filter (where iaqi is not null and iaqi = day_max_iaqi) as max_iaqi_items,
            string_agg(primary_label, ',' order by sort_order)
                filter (where reports_exceeding and iaqi > exceeding_iaqi_above) as exceeding_pollutants,
            bool_or(caps_at_top) as iaqi_capped
        from aqi_items
        group by {{ keys }}obs_date
    ),
    aqi_missing_item_rules as (
        select ruleset, threshold as min_aqi_published
        from {{ ref('air_validity_rules') }}
        where rule_code = 'missing_item_min_aqi_published'
    ),
    aqi_published as (
        select
            d.*,
            case
                when d.n_items_missing = 0 then d.aqi_available
                when d.aqi_available >= m.min_aqi_published then d.aqi_available
            end as aqi
        from aqi_days as d
        left join aqi_missing_item_rules as m
            on m.ruleset = d.ruleset
    ),
    aqi_categories as (
        select ruleset, aqi_lo, aqi_hi, level_no, level, category, colour, rgb
        from {{ ref('aqi_categories') }}
    )
    select
        {{ qualified_columns('d', key_columns) }}
        d.obs_date,
        d.ruleset,
        d.n_items,
        d.n_items_missing,
        d.missing_items,
        d.aqi_available,
        d.aqi,
        d.aqi is null as aqi_withheld,
        d.aqi is not null and d.n_items_missing > 0 as aqi_from_partial_items,
        cat.level_no as aqi_level_no,
        cat.level as aqi_level,
        cat.category as aqi_category,
        cat.colour as aqi_colour,
        cat.rgb as aqi_rgb,
        case when d.aqi > 50 then d.max_iaqi_items end as primary_pollutants,
        d.exceeding_pollutants,
        d.iaqi_capped
    from aqi_published as d
    left join aqi_categories as cat
        on cat.ruleset = d.ruleset
        and d.aqi between cat.aqi_lo and cat.aqi_hi
{%- endmacro %}


{#-
    air_iaqi_wide(iaqi, key_columns): the long IAQI rows back to one row per key × obs_date with
    <item>_rounded (DECIMAL) and iaqi_<item> (INTEGER) for every item code.
-#}
{% macro air_iaqi_wide(iaqi, key_columns) -%}
    {%- set keys = key_columns | join(', ') ~ (', ' if key_columns else '') -%}
    select
        {{ keys }}obs_date,
        {%- for item in air_daily_item_codes() %}
        max(concentration_rounded) filter (where item = '{{ item }}') as {{ item }}_rounded,
        max(iaqi) filter (where item = '{{ item }}') as iaqi_{{ item }},
        {%- endfor %}
        bool_or(has_no_segment) as has_item_without_segment
    from {{ iaqi }}
    group by {{ keys }}obs_date
{%- endmacro %}


{#-
    air_day_status(aqi): is_valid_day (an AQI is published, so the day counts in the 优良天数比例
    denominator) and is_good_day (AQI ≤ 100, 优良) of a day's AQI column
-#}
{% macro air_day_status(aqi) -%}
    {{ aqi }} is not null as is_valid_day,
    coalesce({{ aqi }} <= 100, false) as is_good_day
{%- endmacro %}


{#-
    air_day_ruleset(days, key_columns): one row per key × obs_date of `days` with
      ruleset (air_rulesets by date; NULL when no ruleset covers the date — the marts' ruleset
      tests report such a day: ERROR in the published period, WARN before it),
      aqi_standard, is_retrospective (obs_date before the city's aqi_published_from: the day is
      computed under the 2012 rules but was never published under them, 按新标准回算), and
      ruleset_label (e.g. 'HJ 633-2012' or 'HJ 633-2012（按新标准回算）').
-#}
{% macro air_day_ruleset(days, key_columns) -%}
    select
        {{ qualified_columns('d', key_columns) }}
        d.obs_date,
        r.ruleset,
        r.aqi_standard,
        d.obs_date < p.aqi_published_from as is_retrospective,
        r.aqi_standard || case
            when d.obs_date < p.aqi_published_from then '（' || p.retrospective_label_zh || '）'
            else ''
        end as ruleset_label
    from {{ days }} as d
    left join {{ ref('air_rulesets') }} as r
        on d.obs_date between r.valid_from and r.valid_to
    left join {{ ref('air_aqi_publication') }} as p
        on true
{%- endmacro %}


{#-
    air_built_at(): when this dbt invocation started, as a TIMESTAMP: the _built_at of the rows an
    incremental air model (int_air__station_hourly, int_air__station_daily, int_air__city_daily) writes.
    A model downstream rebuilds the natural days whose upstream rows are newer than its own newest row.
-#}
{% macro air_built_at() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as timestamp)
{%- endmacro %}


{#-
    air_rebuilt_dates(upstream): in an incremental build of an air model, the WHERE clause that keeps the
    natural days of `upstream` (int_air__station_hourly) whose rows are newer than this model's newest
    row; nothing in a full build. The days it keeps are the days the model deletes and inserts again.
-#}
{% macro air_rebuilt_dates(upstream) -%}
    {%- if is_incremental() %}
    where obs_date in (
        select distinct u.obs_date
        from {{ upstream }} as u
        where u._built_at > (select max(t._built_at) from {{ this }} as t)
    )
    {%- endif %}
{%- endmacro %}


{#-
    air_drop_vanished_dates(upstream): the pre_hook of an incremental air model: before an incremental
    build, delete the natural days that `upstream` no longer has (a resubmission without them), which
    delete+insert alone would keep.
-#}
{% macro air_drop_vanished_dates(upstream) -%}
    {%- if is_incremental() -%}
    delete from {{ this }} where obs_date not in (select distinct u.obs_date from {{ upstream }} as u)
    {%- endif -%}
{%- endmacro %}
