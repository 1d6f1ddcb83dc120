{#-
    {% call staging_fishing_item_ledger(table_name, item_group, label_column) %} columns {% endcall %} → the
    staging model of a fishing ledger whose rows state an item and a quantity with its unit: one row a raw row
    of raw_fishing.`table_name` (alias s), its (label_column, quantity_unit) looked up in the item catalogue
    group `item_group` (alias u, staging_fishing_item_join), the caller's columns (staging_one_to_one).
-#}
{% macro staging_fishing_item_ledger(table_name, item_group, label_column) -%}
    {%- set columns = caller() -%}
    {%- call staging_one_to_one(
        'raw_fishing', table_name, alias='s',
        joins=staging_fishing_item_join(
            ref('fishing_item_units'), item_group, 's.' ~ label_column, 's.quantity_unit', 'u'
        )
    ) -%}
        {{ columns }}
    {%- endcall -%}
{%- endmacro %}
