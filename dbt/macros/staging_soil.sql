{#-
    staging_soil_manure_tonnes() → the four amounts of the manure monthly form (produced and utilised, this
    month and year to date) converted to tonnes, one per line, as <amount>_t. Its district rows
    (stg_soil__manure_monthly) and its 合计 row (stg_soil__manure_monthly_totals) read them alike, so that
    the check of the sum against the total compares like with like.
-#}
{% macro staging_soil_manure_tonnes() -%}
    {%- for amount in ['manure_produced_month', 'manure_produced_ytd', 'manure_utilised_month',
                       'manure_utilised_ytd'] -%}
        {{ convert_unit(amount, amount ~ '_unit', 't') }} as {{ amount }}_t{{ ',\n        ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
