{#-
    The means behind every water class (indicator-rules §2), for sections and drinking-water sources alike:
    a month's value is the mean of its samples, a period's value the mean of its monthly values.
-#}

{#-
    water_monthly_means(samples, objects, key_column) → per object × month × parameter the mean of the samples
    (water_value_for_mean: below the detection limit counts as half the limit), with the object's
    water_body_type from `objects`, the number of samples and whether every sample was below the limit.
-#}
{% macro water_monthly_means(samples, objects, key_column) -%}
    select
        s.{{ key_column }},
        s.sample_month as month_start,
        s.parameter,
        o.water_body_type,
        avg({{ water_value_for_mean('s.reported_value', 's.is_below_detection', 'p.detection_limit') }})
            as value,
        cast(count(*) as integer) as n_samples,
        bool_and(s.is_below_detection) as is_below_detection
    from {{ samples }} as s
    inner join {{ objects }} as o
        on s.{{ key_column }} = o.{{ key_column }}
    left join {{ ref('water_parameters') }} as p
        on s.parameter = p.parameter
    group by all
{%- endmacro %}

{#-
    water_ytd_means(monthly, key_column) → per object × year × end month × parameter the mean of the monthly
    values from January to the end month (年初至今: the mean of the monthly means, not of the samples), for every
    month that occurs in `monthly`, with the number of months averaged.
-#}
{% macro water_ytd_means(monthly, key_column) -%}
    select
        m.{{ key_column }},
        cast(year(e.end_month_start) as integer) as year,
        cast(month(e.end_month_start) as integer) as end_month,
        m.parameter,
        m.water_body_type,
        avg(m.value) as value,
        cast(count(distinct m.month_start) as integer) as n_months
    from (select distinct month_start as end_month_start from {{ monthly }}) as e
    inner join {{ monthly }} as m
        on year(m.month_start) = year(e.end_month_start)
        and e.end_month_start >= m.month_start
    group by all
{%- endmacro %}

{#- water_class_columns() → what water_parameter_class adds to a parameter row, in the order the marts publish it. -#}
{% macro water_class_columns() -%}
    cast(class_no as integer) as class_no,
    class_iii_limit,
    exceedance_multiple,
    is_evaluated,
    is_priority,
    sort_order
{%- endmacro %}

{#- water_section_attributes(sections) → a section's register attributes, in the order the section marts publish them. -#}
{% macro water_section_attributes(sections) -%}
    {{ sections }}.section_name,
    {{ sections }}.district,
    {{ sections }}.water_body_type,
    {{ sections }}.is_national,
    {{ sections }}.is_provincial,
    {{ sections }}.is_city
{%- endmacro %}

{#-
    water_section_class_columns(classes, sections) → a section's class (the output of water_object_class) and
    whether it meets the section's target (meets_target: the target class or better), as the section marts publish them.
-#}
{% macro water_section_class_columns(classes, sections) -%}
    {{ classes }}.n_parameters_evaluated,
    {{ classes }}.class_no,
    {{ classes }}.class_label,
    {{ classes }}.grade,
    {{ classes }}.is_good,
    {{ classes }}.is_worse_than_v,
    {{ sections }}.target_class_no,
    {{ classes }}.class_no <= {{ sections }}.target_class_no as meets_target,
    {{ classes }}.main_pollutants
{%- endmacro %}
