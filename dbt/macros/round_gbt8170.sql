{#-
    round_gbt8170(expr, decimals)

    GB/T 8170-2008 rounding (四舍六入五成双, round half to even) done on DECIMAL, never on a
    binary float: the value is first cast to DECIMAL(38,6), which also removes float noise such
    as 66.49999999999999 (a mean that is exactly 66.5 in decimal), and then DuckDB round_even
    rounds it. 66.5 → 66, 67.5 → 68, 1.05 → 1.0, 1.15 → 1.2.

    `decimals` may be a literal or a column (0…4); the result is DECIMAL(38,4).
-#}
{% macro round_gbt8170(expr, decimals) -%}
    {%- if decimals is number -%}
        cast(round_even(cast({{ expr }} as decimal(38, 6)), {{ decimals }}) as decimal(38, 4))
    {%- else -%}
        (case {{ decimals }}
            {%- for d in range(0, 5) %}
            when {{ d }} then cast(round_even(cast({{ expr }} as decimal(38, 6)), {{ d }}) as decimal(38, 4))
            {%- endfor %}
        end)
    {%- endif -%}
{%- endmacro %}
