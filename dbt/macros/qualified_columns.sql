{#-
    qualified_columns(alias, columns, prefix, suffix) → `alias`.<prefix><column><suffix> for each of `columns`, each
    followed by a comma, so it stands at the head or in the middle of a select list and an empty list (a city-level
    call without key columns) writes nothing.
-#}
{% macro qualified_columns(alias, columns, prefix='', suffix='') -%}
    {%- for column in columns %}
    {{ alias }}.{{ prefix }}{{ column }}{{ suffix }},
    {%- endfor %}
{%- endmacro %}
