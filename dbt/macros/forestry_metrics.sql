{#-
    forestry_flow_metrics(): the additive flow metrics of int_forestry__events, in the order the
    period marts list them. Areas are 公顷 (suffix _ha); the marts add the 亩 view for the areas the
    report states in 亩 (forestry_mu_metrics()).
-#}
{% macro forestry_flow_metrics() -%}
    {{ return([
        'afforestation_ha', 'tending_ha', 'degraded_restored_ha',
        'mine_projects_done', 'mine_restored_ha', 'active_mine_restored_ha',
        'reserve_land_ha', 'land_use_approved_ha',
        'protected_area_inspections', 'problems_found', 'problems_fixed',
        'trees_tagged', 'tree_repair_subsidy_yuan',
        'animals_reported', 'animals_rescued', 'animals_survived',
        'alligators_released',
    ]) }}
{%- endmacro %}

{% macro forestry_mu_metrics() -%}
    {{ return(['afforestation', 'tending', 'degraded_restored', 'mine_restored', 'active_mine_restored']) }}
{%- endmacro %}

{#-
    forestry_rescue_rates(alias) → the wildlife rescue rate (rescued ÷ reported) and survival rate (survived ÷
    rescued), in %, from the flow columns of `alias`: the one formula of the city and the district marts.
-#}
{% macro forestry_rescue_rates(alias) -%}
    {{ alias }}.animals_rescued * 100 / nullif({{ alias }}.animals_reported, 0) as wildlife_rescue_rate_pct,
    {{ alias }}.animals_survived * 100 / nullif({{ alias }}.animals_rescued, 0) as wildlife_survival_rate_pct
{%- endmacro %}
