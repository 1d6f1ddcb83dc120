{#-
    Period rules of the soil domain, kept in one place.

    soil_in_period(date_col)  → the event date lies in the YTD period (period_start … period_end);
    soil_as_of(date_col)      → the event happened by the period end (stocks: villages treated to date …);
    soil_survey_active(started_col, completed_col) → a plot survey was carried out (开展) in the period:
        started by the period end and not completed before the period began (an unfinished survey counts).
    All three read the grid columns period_start / period_end of the calling model.
-#}
{% macro soil_in_period(date_col, start_col='period_start', end_col='period_end') -%}
    ({{ date_col }} between {{ start_col }} and {{ end_col }})
{%- endmacro %}

{% macro soil_as_of(date_col, end_col='period_end') -%}
    ({{ date_col }} <= {{ end_col }})
{%- endmacro %}

{% macro soil_survey_active(started_col, completed_col, start_col='period_start', end_col='period_end') -%}
    ({{ started_col }} <= {{ end_col }} and ({{ completed_col }} is null or {{ completed_col }} >= {{ start_col }}))
{%- endmacro %}

{% macro soil_rate(numerator, denominator) -%}
    (100.0 * {{ numerator }} / nullif({{ denominator }}, 0))
{%- endmacro %}
