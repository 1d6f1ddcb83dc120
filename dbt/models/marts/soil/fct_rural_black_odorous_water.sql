-- 区县 × 年内累计期的农村黑臭水体治理：清单逐条按列入、治理完成、验收通过日期计数；国家监管清单另计。
with

grid as (

    select * from {{ ref('int_soil__district_periods') }}

),

water_bodies as (

    select * from {{ ref('stg_soil__black_odorous_water') }}

),

counts as (

    {% call period_district_counts('grid', 'water_bodies', 'w') %}
        count(w.water_body_code) filter (where {{ soil_as_of('w.listed_on') }}) as water_bodies_listed,
        count(w.water_body_code) filter (
            where {{ soil_as_of('w.listed_on') }} and {{ soil_as_of('w.accepted_on') }}
        ) as water_bodies_eliminated,
        count(w.water_body_code) filter (where {{ soil_in_period('w.treated_on') }})
            as water_bodies_treated_in_period,
        count(w.water_body_code) filter (where {{ soil_as_of('w.treated_on') }}) as water_bodies_treated,
        count(w.water_body_code) filter (
            where w.list_level = '国家监管清单' and {{ soil_as_of('w.listed_on') }}
        ) as national_list_listed,
        count(w.water_body_code) filter (
            where w.list_level = '国家监管清单'
            and {{ soil_as_of('w.listed_on') }}
            and {{ soil_as_of('w.accepted_on') }}
        ) as national_list_eliminated
    {% endcall %}

),

final as (

    {% call period_grid_rows({'c': 'counts'}) %}
        cast(c.water_bodies_listed as bigint) as water_bodies_listed,
        cast(c.water_bodies_eliminated as bigint) as water_bodies_eliminated,
        {{ soil_rate('c.water_bodies_eliminated', 'c.water_bodies_listed') }} as elimination_rate,
        cast(c.water_bodies_treated as bigint) as water_bodies_treated,
        cast(c.water_bodies_treated_in_period as bigint) as water_bodies_treated_in_period,
        cast(c.national_list_listed as bigint) as national_list_listed,
        cast(c.national_list_eliminated as bigint) as national_list_eliminated,
        {{ soil_rate('c.national_list_eliminated', 'c.national_list_listed') }}
            as national_list_elimination_rate
    {% endcall %}

)

select * from final
