{#-
    convert_unit(value_col, unit_col, target_unit, default_unit=none)

    The single home of unit conversion for every domain. Factors come from the reference seed
    seeds/reference/units.csv (unit, dimension, to_base_factor): within one dimension,
        value_in_target = value * to_base_factor(source unit) / to_base_factor(target unit).

    - value_col / unit_col: SQL expressions (the raw column and its `<col>_unit` column).
    - target_unit: a unit code of units.csv, e.g. 'mg/m3'.
    - default_unit: the unit assumed when unit_col is NULL (normally the unit the registry
      declares for the column); when not given, a NULL unit means "already in target_unit".
    - A unit of another dimension, or one not in units.csv, gives NULL (the staging data tests
      on the *_unit columns catch it).

    At execution time the macro reads the seed once and writes a CASE over the units of the
    target's dimension (no join, no correlated subquery per row). When the seed table does not
    exist yet (parse, or compile before `dbt seed`), it falls back to the same arithmetic as
    scalar lookups in the seed relation.
-#}
{% macro convert_unit(value_col, unit_col, target_unit, default_unit=none) -%}
    {%- set units_rel = ref('units') -%}
    {%- set unit_expr = "coalesce(" ~ unit_col ~ ", '" ~ (default_unit or target_unit) ~ "')" -%}
    {%- set factors = {} -%}
    {#- in a dbt unit test ref('units') is a fixture with no schema: use the scalar lookups -#}
    {%- if execute and units_rel.schema -%}
        {%- set existing = adapter.get_relation(database=units_rel.database, schema=units_rel.schema, identifier=units_rel.identifier) -%}
        {%- if existing is not none -%}
            {%- set res = run_query("select unit, dimension, cast(to_base_factor as double) as f from " ~ units_rel) -%}
            {%- for r in res.rows -%}
                {%- do factors.update({r[0]: {'dimension': r[1], 'factor': r[2]}}) -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endif -%}
    {%- if factors -%}
        {%- if target_unit not in factors -%}
            {{ exceptions.raise_compiler_error("convert_unit: target unit '" ~ target_unit ~ "' is not in units.csv") }}
        {%- endif -%}
        {%- set target = factors[target_unit] -%}
        (case
            when {{ value_col }} is null then null
            {%- for u, spec in factors.items() if spec['dimension'] == target['dimension'] %}
            when {{ unit_expr }} = '{{ u }}' then {% if spec['factor'] == target['factor'] %}cast({{ value_col }} as double){% else %}cast({{ value_col }} as double) * {{ spec['factor'] }} / {{ target['factor'] }}{% endif %}
            {%- endfor %}
        end)
    {%- else -%}
        (cast({{ value_col }} as double)
            * (select u_from.to_base_factor from {{ units_rel }} as u_from
               where u_from.unit = {{ unit_expr }}
                 and u_from.dimension = (select u_dim.dimension from {{ units_rel }} as u_dim where u_dim.unit = '{{ target_unit }}'))
            / (select u_to.to_base_factor from {{ units_rel }} as u_to where u_to.unit = '{{ target_unit }}'))
    {%- endif -%}
{%- endmacro %}
