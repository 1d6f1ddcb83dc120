-- 野生动物收容救护登记簿：1:1 对应 raw.forestry_wildlife_rescue，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_wildlife_rescue') }}

),

renamed as (

    select
        cast(rescue_code as varchar) as rescue_code,
        cast(received_on as date) as received_on,
        cast(district as varchar) as district,
        cast(species as varchar) as species,
        cast(protection_class as varchar) as protection_class,
        cast(animals_reported as bigint) as animals_reported,
        cast(animals_rescued as bigint) as animals_rescued,
        cast(animals_survived as bigint) as animals_survived,
        cast(outcome as varchar) as outcome,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
