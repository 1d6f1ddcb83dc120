{#-
    period_prior_year_join_on(relation, alias, current_alias, key_columns) → period_prior_year_join (the same end
    month a year earlier) of `relation` as `alias`, also on each of key_columns being equal: the 同比 row of the
    same indicator, area, district … as the current row.
-#}
{% macro period_prior_year_join_on(relation, alias, current_alias, key_columns) -%}
    {{ period_prior_year_join(relation, alias, current_alias) }}
    {%- for column in key_columns %}
        and {{ current_alias }}.{{ column }} = {{ alias }}.{{ column }}
    {%- endfor %}
{%- endmacro %}
