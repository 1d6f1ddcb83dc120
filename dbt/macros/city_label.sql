{#-
    city_label() → the label of whole-city rows (vars.city_label, 城市) as an SQL string literal.
-#}
{% macro city_label() -%}
    '{{ var("city_label") }}'
{%- endmacro %}
