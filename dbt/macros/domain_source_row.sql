{#-
    source_row_columns(alias) → where a published row was read from, under the names the marts publish: the
    submitted file (source_file), its sheet (source_sheet) and row (source_row), from the lineage columns of `alias`.
-#}
{% macro source_row_columns(alias) -%}
    {{ alias }}._file_path as source_file,
    {{ alias }}._sheet as source_sheet,
    cast({{ alias }}._row_number as integer) as source_row
{%- endmacro %}
