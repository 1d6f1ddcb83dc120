-- 扬子鳄野外放归记录：1:1 对应 raw.forestry_alligator_releases，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_alligator_releases') }}

),

renamed as (

    select
        release_code,
        released_on,
        district,
        site,
        alligators,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
