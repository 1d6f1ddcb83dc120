{#-
    Surface-water quality rules (indicator-rules §2), written once and used for sections and
    drinking-water sources. Every number comes from the reference seeds:
      gb3838_limits        (per parameter, water body type and class: the [min_value, max_value] a value must lie in)
      water_parameters     (evaluated or reference item, priority pollutants, 超标倍数 applies, detection limit)
      water_quality_classes (labels, grades, I–III = 优良)
-#}

{#- GB 3838-2002 Table 1 items as submitted (registry column names); pH and 粪大肠菌群 have no mg/L unit. -#}
{% macro water_table1_parameters() -%}
    {{ return(['ph', 'do', 'codmn', 'cod', 'bod5', 'nh3n', 'tp', 'tn', 'cu', 'zn', 'fluoride', 'se', 'arsenic',
               'hg', 'cd', 'cr6', 'pb', 'cyanide', 'volatile_phenol', 'petroleum', 'las', 'sulfide', 'fecal_coliform']) }}
{%- endmacro %}

{% macro water_table2_parameters() -%}
    {{ return(['sulfate', 'chloride', 'nitrate', 'iron', 'manganese']) }}
{%- endmacro %}

{#-
    water_samples_long(relation, key_columns, parameters)
    One row per sample × measured parameter from a wide monitoring table (column names quoted: `do`
    is an SQL keyword). Concentrations are converted to mg/L (convert_unit); pH and 粪大肠菌群 stay as
    submitted. qualifier 以下 ("<0.01", "0.01L") or 未检出 ("ND", no number) marks a result below the
    detection limit; water_value_for_mean decides what such a result counts as.
-#}
{% macro water_samples_long(relation, key_columns, parameters) -%}
    select
        {%- for k in key_columns %}
        {{ k }},
        {%- endfor %}
        parameter,
        reported_value,
        qualifier,
        coalesce(qualifier in ('以下', '未检出'), false) as is_below_detection,
        _file_path,
        _row_number
    from (
        {%- for p in parameters %}
        select
            {%- for k in key_columns %}
            {{ k }},
            {%- endfor %}
            '{{ p }}' as parameter,
            {%- if p in ('ph', 'fecal_coliform') %}
            cast("{{ p }}" as double) as reported_value,
            {%- else %}
            {{ convert_unit('"' ~ p ~ '"', p ~ '_unit', 'mg/L') }} as reported_value,
            {%- endif %}
            cast({{ p }}_qualifier as varchar) as qualifier,
            _file_path,
            _row_number
        from {{ relation }}
        where "{{ p }}" is not null or {{ p }}_qualifier = '未检出'
        {{ 'union all' if not loop.last }}
        {%- endfor %}
    ) as samples_unpivoted
{%- endmacro %}

{#-
    water_value_for_mean(reported_value, is_below_detection, detection_limit)
    The value a result contributes to means and classes. A result below the detection limit counts as
    HALF the limit: the stated limit ("<0.01", "0.01L"), else the parameter's method detection limit
    from water_parameters ("ND", "未检出") [U: this warehouse's choice, the common practice of using
    1/2 检出限 in statistics]. Any other result counts as reported.
-#}
{% macro water_value_for_mean(reported_value, is_below_detection, detection_limit) -%}
    (case
        when {{ is_below_detection }} then coalesce({{ reported_value }}, {{ detection_limit }}) / 2
        else {{ reported_value }}
    end)
{%- endmacro %}

{#-
    water_parameter_class(relation)
    relation: rows with parameter, water_body_type ('river' / 'lake') and value (mg/L; pH as is).
    Adds, from gb3838_limits Table 1 (rows for the body type or for 'all'):
      class_no: the best (lowest) class whose [min_value, max_value] holds the value — so equal
        limits across classes give the better class, DO (min_value = limit) is a ≥ rule and pH
        outside 6–9 fits no class; a value that fits no class is 6 (劣V). NULL when the parameter has
        no Table 1 limit for this body type (TN in rivers, Table 2 items, 水温).
      class_iii_limit: the III-class max_value; exceedance_multiple = (C − III limit) / III limit, to 2
        decimals by round_gbt8170 (the digits of a mean cannot flip a tie from one build to the next),
        only for class IV and worse and parameters with has_exceedance (not pH, DO).
      is_evaluated, is_priority, name_zh, sort_order from water_parameters.
    Values are compared at 6 decimals so float noise in a mean never crosses a limit.
-#}
{% macro water_parameter_class(relation) -%}
    with
    class_input as (
        select * from {{ relation }}
    ),
    class_limits as (
        select parameter, water_body_type, class_no, min_value, max_value
        from {{ ref('gb3838_limits') }}
        where gb3838_table = '表1'
    ),
    class_parameters as (
        select parameter, name_zh, is_evaluated, is_priority, has_exceedance, sort_order
        from {{ ref('water_parameters') }}
    ),
    class_matched as (
        select
            i.*,
            case
                when count(l.class_no) = 0 then null
                else coalesce(min(l.class_no) filter (where round(i.value, 6) between l.min_value and l.max_value), 6)
            end as class_no,
            max(l.max_value) filter (where l.class_no = 3) as class_iii_limit
        from class_input as i
        left join class_limits as l
            on l.parameter = i.parameter
            and l.water_body_type in (i.water_body_type, 'all')
        group by all
    )
    select
        m.*,
        cast(case
            when m.class_no > 3 and p.has_exceedance and m.class_iii_limit > 0
                then {{ round_gbt8170('(m.value - m.class_iii_limit) / m.class_iii_limit', 2) }}
        end as double) as exceedance_multiple,
        coalesce(p.is_evaluated, false) and m.class_no is not null as is_evaluated,
        coalesce(p.is_priority, false) as is_priority,
        p.name_zh,
        p.sort_order
    from class_matched as m
    left join class_parameters as p
        on p.parameter = m.parameter
{%- endmacro %}

{#-
    water_object_class(params, key_columns)
    params: the output of water_parameter_class. One row per key: the class of the object (section
    or source) = the worst class of its evaluated parameters (环办〔2011〕22号 单因子评价), with
      n_parameters_evaluated, class_no, class_label, grade, is_good (I–III), is_worse_than_v,
      main_pollutants: only when worse than III — the (up to) three parameters worse than III,
        priority pollutants (cyanide, heavy metals) first, then worse class, then larger 超标倍数,
        written '氨氮(0.32)' (no multiple for pH and DO), joined with '、'.
-#}
{% macro water_object_class(params, key_columns) -%}
    {%- set keys = key_columns | join(', ') -%}
    with
    object_params as (
        select * from {{ params }} where is_evaluated
    ),
    object_ranked as (
        select
            *,
            row_number() over (
                partition by {{ keys }}
                order by is_priority desc, class_no desc, exceedance_multiple desc nulls last, sort_order
            ) as pollutant_rank
        from object_params
        where class_no > 3
    ),
    object_pollutants as (
        select
            {{ keys }},
            string_agg(
                name_zh || coalesce('(' || format('{:.2f}', exceedance_multiple) || ')', ''),
                '、' order by pollutant_rank
            ) as main_pollutants
        from object_ranked
        where pollutant_rank <= 3
        group by {{ keys }}
    ),
    object_classes as (
        select
            {{ keys }},
            cast(count(*) as integer) as n_parameters_evaluated,
            cast(max(class_no) as integer) as class_no
        from object_params
        group by {{ keys }}
    ),
    class_labels as (
        select class_no, class_label, grade, is_good
        from {{ ref('water_quality_classes') }}
    )
    select
        c.*,
        l.class_label,
        l.grade,
        l.is_good,
        c.class_no = 6 as is_worse_than_v,
        case when c.class_no > 3 then p.main_pollutants end as main_pollutants
    from object_classes as c
    left join class_labels as l
        on l.class_no = c.class_no
    left join object_pollutants as p
        using ({{ keys }})
{%- endmacro %}

{#-
    wwtp_adds_capacity(project) → whether a wastewater-plant project adds treatment capacity: expansions (扩建)
    only; upgrades (提标改造) do not, and new plants (新建) are not counted as added capacity.
-#}
{% macro wwtp_adds_capacity(project) -%}
    ({{ project }}.project_type = '扩建')
{%- endmacro %}
