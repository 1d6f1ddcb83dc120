{#-
    staging_fishing_item_join(catalogue, item_group, label_column, unit_column, as_alias) → the left join that
    looks a ledger row's (item label, unit) up in the fishing item catalogue of one item group. A combination
    the catalogue lacks leaves the catalogue columns null, so the model's data tests stop it instead of the
    marts summing it silently.
-#}
{% macro staging_fishing_item_join(catalogue, item_group, label_column, unit_column, as_alias) -%}
    left join {{ catalogue }} as {{ as_alias }}
        on {{ as_alias }}.item_group = '{{ item_group }}'
        and {{ label_column }} = {{ as_alias }}.item_label
        and {{ unit_column }} = {{ as_alias }}.unit
{%- endmacro %}
