{#-
    staging_water_samples(relation, key_column, parameters) → a monthly sample form (`relation`, one row a
    sample: `key_column`, sampled_on, one column per parameter) as its long table, one row a sample × a
    reported parameter (water_samples_long), with the month the sample counts in (sample_month). The
    section form and the drinking-source form differ only in their key and their parameters.
-#}
{% macro staging_water_samples(relation, key_column, parameters) -%}
    select
        {{ key_column }},
        sampled_on,
        cast(date_trunc('month', sampled_on) as date) as sample_month,
        parameter,
        reported_value,
        qualifier,
        is_below_detection,
        _file_path,
        _row_number
    from ({{ water_samples_long(relation, [key_column, 'sampled_on'], parameters) }}) as samples
{%- endmacro %}
