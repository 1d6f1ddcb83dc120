-- 逐项目的水污染防治等资金：年度按下达日期计；金额统一为元，约数标记保留（“约4000万元”计为 4000 万元）。
with

funds as (

    select * from {{ ref('stg_water__funds') }}

),

final as (

    select
        project_code,
        cast(year(issued_on) as integer) as year,
        issued_on,
        project_name,
        district,
        fund_type,
        amount_yuan,
        amount_qualifier,
        document
    from funds

)

select * from final
