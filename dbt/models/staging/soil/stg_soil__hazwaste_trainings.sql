-- 医疗废物和危险废物培训记录：1:1 对应 raw.soil_hazwaste_trainings。
with

source as (

    select * from {{ source('raw_soil', 'soil_hazwaste_trainings') }}

),

renamed as (

    select
        training_no,
        trained_on,
        training_kind,
        training_title,
        participants,
        participants_qualifier,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
