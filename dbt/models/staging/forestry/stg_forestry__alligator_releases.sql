-- 扬子鳄野外放归记录：1:1 对应 raw.forestry_alligator_releases，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_alligator_releases') }}

),

renamed as (

    select
        cast(release_code as varchar) as release_code,
        cast(released_on as date) as released_on,
        cast(district as varchar) as district,
        cast(site as varchar) as site,
        cast(alligators as bigint) as alligators,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
