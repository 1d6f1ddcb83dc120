{#-
    round_gbt8170(expr, decimals)

    GB/T 8170-2008 rounding (四舍六入五成双, round half to even), applied once to the decimal the
    value stands for. The twin in Python is dagster_project.figures.round_gbt8170; a test proves
    both give the same result.

    The decimal a double stands for is its 15 significant digits (printf '%.15g'): 15 is the most
    digits a double keeps through a decimal → double → decimal round trip (DBL_DIG), so it is the
    decimal that was computed, without the noise of binary arithmetic: 67.49999999999999 (27/40·100
    in floating point) reads as 67.5 and rounds to 68, 83.65 reads as 83.65 and rounds to 83.6.
    Reading the shortest round-trip form instead would keep 67.49999999999999 and give 67; casting
    to a fixed scale first (the old DECIMAL(38,6)) rounded twice, so 67.4999996 became a tie.

    DECIMAL(38,18) holds every 15-digit value from 1e-4 up to 1e20 exactly; a larger value, NaN or
    infinity fails the cast instead of being rounded silently.

    `decimals`: a literal or a column, 0…4; the result is DECIMAL(38,4). A NULL decimals gives
    NULL, any other value outside 0…4 raises an error.
-#}
{% macro round_gbt8170(expr, decimals) -%}
    {%- set exact_decimal = "cast(printf('%.15g', cast(" ~ expr ~ " as double)) as decimal(38, 18))" -%}
    {%- if decimals is number -%}
        {%- if decimals not in range(0, 5) -%}
            {{ exceptions.raise_compiler_error("round_gbt8170: decimals must be 0…4, got " ~ decimals) }}
        {%- endif -%}
        cast(round_even({{ exact_decimal }}, {{ decimals }}) as decimal(38, 4))
    {%- else -%}
        (case {{ decimals }}
            {%- for d in range(0, 5) %}
            when {{ d }} then cast(round_even({{ exact_decimal }}, {{ d }}) as decimal(38, 4))
            {%- endfor %}
            else case when {{ decimals }} is not null
                then error('round_gbt8170: decimals must be 0…4, got ' || cast({{ decimals }} as varchar)) end
        end)
    {%- endif -%}
{%- endmacro %}
