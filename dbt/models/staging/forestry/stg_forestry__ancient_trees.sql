-- 古树名木资源档案：1:1 对应 raw.forestry_ancient_trees，规范单位见模型 YAML。
with

source as (

    select * from {{ source('raw_forestry', 'forestry_ancient_trees') }}

),

renamed as (

    select
        cast(tree_id as varchar) as tree_id,
        cast(species as varchar) as species,
        cast(district as varchar) as district,
        cast(town as varchar) as town,
        cast(age_years as integer) as age_years,
        cast(age_years_qualifier as varchar) as age_qualifier,
        cast(grade as varchar) as grade,
        cast(is_tagged as boolean) as is_tagged,
        cast(tagged_on as date) as tagged_on,
        cast(health as varchar) as health,
        cast(repaired_on as date) as repaired_on,
        {{ convert_unit('repair_subsidy', 'repair_subsidy_unit', '元') }} as repair_subsidy_yuan,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
