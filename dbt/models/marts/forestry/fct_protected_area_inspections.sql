-- 自然保护地和重要湿地排查整治：一行一次排查（同一保护地一年可排查多次，排查个数按保护地去重计）。
with

inspections as (

    select * from {{ ref('stg_forestry__protected_area_inspections') }}

),

final as (

    select
        site_code,
        site_name,
        site_type,
        district,
        inspected_on,
        cast(year(inspected_on) as integer) as year,
        problems_found,
        problems_fixed,
        _file_path,
        _row_number
    from inspections

)

select * from final
