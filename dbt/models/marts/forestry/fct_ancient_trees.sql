-- 古树名木：一行一株。按树龄由 forestry_ancient_tree_grades 种子推定等级（名木不按树龄），与档案填报等级比对。
with

trees as (

    select * from {{ ref('stg_forestry__ancient_trees') }}

),

grades as (

    select * from {{ ref('forestry_ancient_tree_grades') }}

),

graded as (

    select
        t.*,
        g.grade as grade_by_age
    from trees as t
    left join grades as g
        on g.is_ancient
        and t.age_years between g.min_age_years and g.max_age_years

),

final as (

    select
        tree_id,
        species,
        district,
        age_years,
        age_qualifier,
        grade,
        grade = '名木' as is_famous_tree,
        case when grade = '名木' then '名木' else grade_by_age end as grade_by_age,
        coalesce(grade = '名木' or grade = grade_by_age, false) as is_grade_consistent,
        is_tagged,
        tagged_on,
        cast(year(tagged_on) as integer) as tagged_year,
        health,
        repaired_on,
        repair_subsidy_yuan,
        _file_path,
        _row_number
    from graded

)

select * from final
