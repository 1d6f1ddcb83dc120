-- 医疗废物和危险废物培训记录：1:1 对应 raw.soil_hazwaste_trainings。
with

source as (

    select * from {{ source('raw_soil', 'soil_hazwaste_trainings') }}

),

renamed as (

    select
        cast(training_no as varchar) as training_no,
        cast(trained_on as date) as trained_on,
        cast(training_kind as varchar) as training_kind,
        cast(training_title as varchar) as training_title,
        cast(participants as bigint) as participants,
        cast(participants_qualifier as varchar) as participants_qualifier,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
