-- 水泥熟料生产线台账：1:1 对应 raw.air_cement_lines，设计产能换算为 t/d。
with

source as (

    select * from {{ source('raw_air', 'air_cement_lines') }}

),

renamed as (

    select
        line_code,
        enterprise_name,
        district,
        {{ convert_unit('capacity_t_per_day', 'capacity_t_per_day_unit', 't/d') }} as capacity_t_per_day,
        in_production,
        meets_provincial_standard,
        checked_on,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
