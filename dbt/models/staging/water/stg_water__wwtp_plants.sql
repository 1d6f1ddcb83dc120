-- 城镇污水处理厂名录：1:1 对应 raw.water_wwtp_plants；处理规模统一换算为 t/d（吨/日）。
with

source as (

    select * from {{ source('raw_water', 'water_wwtp_plants') }}

),

renamed as (

    select
        plant_code,
        plant_name,
        district,
        {{ convert_unit('design_capacity', 'design_capacity_unit', 't/d') }} as design_capacity_t_per_day,
        operating_since,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
