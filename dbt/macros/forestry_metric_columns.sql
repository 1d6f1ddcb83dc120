{#-
    forestry_metric_columns() → the metric columns every forestry period mart publishes, in their order: each flow
    metric (forestry_flow_metrics()), then the 亩 view of the areas the report states in 亩 (<metric>_mu).
-#}
{% macro forestry_metric_columns() -%}
    {%- set mu_columns = [] -%}
    {%- for metric in forestry_mu_metrics() -%}
        {%- do mu_columns.append(metric ~ '_mu') -%}
    {%- endfor -%}
    {{ return(forestry_flow_metrics() + mu_columns) }}
{%- endmacro %}
