-- 野生动物收容救护：一行一次救护（个人信息不选取）。
with

rescues as (

    select * from {{ ref('stg_forestry__wildlife_rescue') }}

),

final as (

    select
        rescue_code,
        received_on,
        cast(year(received_on) as integer) as year,
        district,
        species,
        protection_class,
        animals_reported,
        animals_rescued,
        animals_survived,
        outcome,
        _file_path,
        _row_number
    from rescues

)

select * from final
