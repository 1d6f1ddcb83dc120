-- 扬子鳄野外放归：一行一批。
with

releases as (

    select * from {{ ref('stg_forestry__alligator_releases') }}

),

final as (

    select
        release_code,
        released_on,
        cast(year(released_on) as integer) as year,
        district,
        site,
        alligators,
        _file_path,
        _row_number
    from releases

)

select * from final
