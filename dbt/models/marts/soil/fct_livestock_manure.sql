-- 区县 × 年内累计期的畜禽粪污资源化利用：粪污产生量、利用量为月报“本月”值在期内各月之和（“累计”列只用于核对）；
-- 规模场装备配套按台账备案与配套完成日期截至期末计；奖补申报按申报日期期内计；有机肥示范点按试点年度、建立日期计。
with

grid as (

    select * from {{ ref('int_soil__district_periods') }}

),

manure_monthly as (

    select * from {{ ref('stg_soil__manure_monthly') }}

),

scale_farms as (

    select * from {{ ref('stg_soil__scale_farms') }}

),

subsidies as (

    select * from {{ ref('stg_soil__manure_subsidies') }}

),

demo_sites as (

    select * from {{ ref('stg_soil__fertilizer_demo_sites') }}

),

manure_sums as (

    {% call period_district_counts('grid', 'manure_monthly', 'm') %}
        count(m.report_month) filter (where {{ soil_in_period('m.report_month') }}) as form_months_submitted,
        coalesce(
            sum(m.manure_produced_month_t) filter (where {{ soil_in_period('m.report_month') }}), 0
        ) as manure_produced_t,
        coalesce(
            sum(m.manure_utilised_month_t) filter (where {{ soil_in_period('m.report_month') }}), 0
        ) as manure_utilised_t
    {% endcall %}

),

farm_counts as (

    {% call period_district_counts('grid', 'scale_farms', 'f') %}
        count(f.farm_code) filter (where {{ soil_as_of('f.filed_on') }}) as scale_farms,
        count(f.farm_code) filter (
            where {{ soil_as_of('f.filed_on') }} and f.facility_equipped
            and {{ soil_as_of('coalesce(f.equipped_on, f.filed_on)') }}
        ) as scale_farms_equipped,
        count(f.farm_code) filter (where f.is_large_scale and {{ soil_as_of('f.filed_on') }})
            as large_scale_farms,
        count(f.farm_code) filter (
            where f.is_large_scale and {{ soil_as_of('f.filed_on') }} and f.facility_equipped
            and {{ soil_as_of('coalesce(f.equipped_on, f.filed_on)') }}
        ) as large_scale_farms_equipped
    {% endcall %}

),

subsidy_sums as (

    {% call period_district_counts('grid', 'subsidies', 's') %}
        count(distinct s.farm_code) filter (where {{ soil_in_period('s.applied_on') }})
            as subsidy_farms_applied,
        coalesce(sum(s.subsidy_yuan) filter (where {{ soil_in_period('s.applied_on') }}), 0) as subsidy_yuan
    {% endcall %}

),

site_counts as (

    {% call period_district_counts('grid', 'demo_sites', 'd') %}
        count(d.site_code) filter (where d.pilot_year = g.year and {{ soil_as_of('d.established_on') }})
            as demo_sites
    {% endcall %}

),

final as (

    {% call period_grid_rows(
        {'m': 'manure_sums', 'f': 'farm_counts', 's': 'subsidy_sums', 'd': 'site_counts'},
        with_county_level=true
    ) %}
        cast(m.form_months_submitted as bigint) as form_months_submitted,
        cast(m.manure_produced_t as double) as manure_produced_t,
        cast(m.manure_utilised_t as double) as manure_utilised_t,
        {{ soil_rate('m.manure_utilised_t', 'm.manure_produced_t') }} as manure_utilisation_rate,
        cast(f.scale_farms as bigint) as scale_farms,
        cast(f.scale_farms_equipped as bigint) as scale_farms_equipped,
        {{ soil_rate('f.scale_farms_equipped', 'f.scale_farms') }} as scale_farm_equipment_rate,
        cast(f.large_scale_farms as bigint) as large_scale_farms,
        cast(f.large_scale_farms_equipped as bigint) as large_scale_farms_equipped,
        {{ soil_rate('f.large_scale_farms_equipped', 'f.large_scale_farms') }}
            as large_scale_farm_equipment_rate,
        cast(s.subsidy_farms_applied as bigint) as subsidy_farms_applied,
        cast(s.subsidy_yuan as double) as subsidy_yuan,
        cast(d.demo_sites as bigint) as demo_sites
    {% endcall %}

)

select * from final
