{#-
    staging_totals_lineage_columns() → the lineage a staging model of a form's 合计 (totals) row keeps:
    enough to name the row in a reconciliation finding (file, sheet, row, identity, load time). A totals
    row is only checked against the sum of its district rows, never published, so it carries no more.
-#}
{% macro staging_totals_lineage_columns() -%}
    {%- for column in ['_file_path', '_sheet', '_row_number', '_file_identity', '_loaded_at'] -%}
        {{ column }}{{ ',\n        ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
