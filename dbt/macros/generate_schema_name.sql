{#- Schemas are the layer names themselves (raw, staging, marts, …), not target_schema + suffix,
    so analysts query marts.fct_air_quality_daily. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ (custom_schema_name or target.schema) | trim }}
{%- endmacro %}
