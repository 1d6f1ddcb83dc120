-- 水污染防治资金项目：1:1 对应 raw.water_funds；金额统一换算为元，约数标记保留。
with

source as (

    select * from {{ source('raw_water', 'water_funds') }}

),

renamed as (

    select
        {{ lineage_period_year() }} as register_year,
        cast(project_code as varchar) as project_code,
        cast(project_name as varchar) as project_name,
        cast(district as varchar) as district,
        cast(fund_type as varchar) as fund_type,
        {{ convert_unit('amount', 'amount_unit', '元') }} as amount_yuan,
        cast(amount_qualifier as varchar) as amount_qualifier,
        cast(issued_on as date) as issued_on,
        cast(document as varchar) as document,
        {{ lineage_columns() }}
    from source

),

final as (

    select * from renamed

)

select * from final
