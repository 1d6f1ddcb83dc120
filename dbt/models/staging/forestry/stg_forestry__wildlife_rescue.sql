-- 野生动物收容救护登记簿：1:1 对应 raw.forestry_wildlife_rescue，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_wildlife_rescue') }}

),

renamed as (

    select
        rescue_code,
        received_on,
        district,
        species,
        protection_class,
        animals_reported,
        animals_rescued,
        animals_survived,
        outcome,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
