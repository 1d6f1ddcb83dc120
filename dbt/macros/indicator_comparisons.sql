{#-
    indicator_meets(value, comparison, bound) → whether a published value meets a standard limit or a
    target: comparison 'at_most' (value ≤ bound) or 'at_least' (value ≥ bound), as the seeds of limits
    and targets give it; NULL when there is no comparison.
-#}
{% macro indicator_meets(value, comparison, bound) -%}
    case {{ comparison }}
        when 'at_most' then {{ value }} <= {{ bound }}
        when 'at_least' then {{ value }} >= {{ bound }}
    end
{%- endmacro %}
