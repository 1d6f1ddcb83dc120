{#-
    {% call staging_one_to_one(source_name, table_name, alias, joins, totals_row) %} columns {% endcall %}
    → a staging model that keeps the grain of its raw table, one row a raw row: the import CTE `source`,
    `renamed` (the caller's columns, then the lineage every staging row passes on) and `final`. What is the
    model's own is the caller's: which columns, renamed or converted how, and the period column's name,
    each line ending in its comma as in any select list (the lineage columns follow). The caller writes them
    at the left margin and the macro indents them: sqlfluff reads a call block's body as templated and
    cannot place an indent inside it (LT02 on every line that starts with a tag).
    - alias / joins: the raw table's alias and the lookup joins after `from source as alias` (a catalogue
      that gives a code per row; such a join must keep one row per raw row).
    - totals_row: the model stages a form's 合计 row, which keeps only the lineage a reconciliation
      finding names (staging_totals_lineage_columns).
-#}
{% macro staging_one_to_one(source_name, table_name, alias=none, joins=none, totals_row=false) -%}
with

source as (

    select * from {{ source(source_name, table_name) }}

),

renamed as (

    select
        {{ caller() | trim | indent(8) }}
        {{ staging_totals_lineage_columns() if totals_row else lineage_columns(alias) }}
    from source{{ ' as ' ~ alias if alias }}
    {%- if joins %}
    {{ joins | trim }}
    {%- endif %}

),

final as (

    select * from renamed

)

select * from final
{%- endmacro %}
