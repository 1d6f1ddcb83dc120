-- 水泥熟料生产线台账：1:1 对应 raw.air_cement_lines，设计产能换算为 t/d。
with

source as (

    select * from {{ source('raw_air', 'air_cement_lines') }}

),

renamed as (

    select
        cast(line_code as varchar) as line_code,
        cast(enterprise_name as varchar) as enterprise_name,
        cast(district as varchar) as district,
        {{ convert_unit('capacity_t_per_day', 'capacity_t_per_day_unit', 't/d') }} as capacity_t_per_day,
        cast(in_production as boolean) as in_production,
        cast(meets_provincial_standard as boolean) as meets_provincial_standard,
        cast(checked_on as date) as checked_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
