{#-
    The key of a row of the air period marts (fct_air_quality_period, fct_air_quality_station_period,
    fct_air_quality_district_period): a period of air_report_periods × an assessment basis.
-#}

{#- air_period_keys(period_alias, basis_alias) → the period columns of `period_alias` and the assessment_basis
    of `basis_alias`, for a select list or a group by -#}
{% macro air_period_keys(period_alias, basis_alias) -%}
    {%- for column in ['period_kind', 'year', 'end_month', 'period_start', 'period_end'] %}
    {{ period_alias }}.{{ column }},
    {%- endfor %}
    {{ basis_alias }}.assessment_basis
{%- endmacro %}


{#- air_period_published_columns(stats_alias, labels_alias) → the key columns as the period marts publish them:
    the period of `stats_alias`, its assessment_basis as VARCHAR, and the basis' standard and publication
    (air_period_bases) from `labels_alias` -#}
{% macro air_period_published_columns(stats_alias, labels_alias) -%}
    {%- for column in ['period_kind', 'year', 'end_month', 'period_start', 'period_end'] %}
    {{ stats_alias }}.{{ column }},
    {%- endfor %}
    cast({{ stats_alias }}.assessment_basis as varchar) as assessment_basis,
    {{ labels_alias }}.assessment_standard,
    {{ labels_alias }}.is_published_basis,
    {{ labels_alias }}.published_basis_setting
{%- endmacro %}


{#- air_period_day_counts(daily_alias) → valid_days and good_days: the days of `daily_alias` (a row per day of
    the period, none where there is no day) that count in the 优良天数比例 denominator and numerator -#}
{% macro air_period_day_counts(daily_alias) -%}
    {%- for kind in ['valid', 'good'] %}
    cast(count({{ daily_alias }}.obs_date) filter (where {{ daily_alias }}.is_{{ kind }}_day) as integer)
        as {{ kind }}_days{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}


{#- air_period_station_days(group_column) → the FROM and GROUP BY of a station or district period mart: each
    period of `periods` (as p) with its by-basis station-days of `daily_for_stats` (as d), grouped by d's
    `group_column` and the period key -#}
{% macro air_period_station_days(group_column) -%}
    from periods as p
    inner join daily_for_stats as d
        on d.obs_date between p.period_start and p.period_end
    group by
        d.{{ group_column }},
        {{ air_period_keys('p', 'd') }}
{%- endmacro %}


{#- air_period_prior_year_join(relation, alias, current_alias, key_columns) → joins `relation` as `alias` on the
    same period of the previous year (period_prior_year_join_on) of the same period kind and assessment basis, and
    of the same key_columns (the district of a district period): an air period's 同比 compares like with like -#}
{% macro air_period_prior_year_join(relation, alias, current_alias, key_columns=[]) -%}
    {{ period_prior_year_join_on(
        relation, alias, current_alias, key_columns + ['period_kind', 'assessment_basis']
    ) }}
{%- endmacro %}
