{#-
    staging_measure_as_submitted(column, target_unit, converted_as) → three columns for a measure whose
    submitted value the marts show next to the converted one (forestry areas): `converted_as`, the value
    in `target_unit` (convert_unit); <column>_submitted, the value as submitted; <column>_unit, the unit
    it was submitted in, `target_unit` where the form left it empty (the unit convert_unit assumes then).
-#}
{% macro staging_measure_as_submitted(column, target_unit, converted_as) -%}
    {{ convert_unit(column, column ~ '_unit', target_unit) }} as {{ converted_as }},
        cast({{ column }} as double) as {{ column }}_submitted,
        coalesce({{ column }}_unit, '{{ target_unit }}') as {{ column }}_unit
{%- endmacro %}
