-- 污水处理厂 × 年：设计处理规模（当前名录）、当年完工的扩建/新建/提标改造项目数与扩建新增处理能力（按完工日期计入年度）、
-- 年末在建项目数。年份取项目台账开工、完工日期中出现的年份。
with

plants as (

    select * from {{ ref('stg_water__wwtp_plants') }}

),

projects as (

    select * from {{ ref('stg_water__wwtp_projects') }}

),

years as (

    select distinct cast(year(completed_on) as integer) as year from projects
    where completed_on is not null
    union
    select distinct cast(year(started_on) as integer) as year from projects
    where started_on is not null

),

counted as (

    select
        p.plant_code,
        y.year,
        cast(count(j.project_code) filter (
            where j.project_type = '扩建' and year(j.completed_on) = y.year
        ) as bigint) as n_expansions_completed,
        cast(coalesce(sum(j.capacity_added_t_per_day) filter (
            where {{ wwtp_adds_capacity('j') }} and year(j.completed_on) = y.year
        ), 0) as double) as capacity_added_by_expansions_t_per_day,
        cast(count(j.project_code) filter (
            where j.project_type = '新建' and year(j.completed_on) = y.year
        ) as bigint) as n_new_builds_completed,
        cast(count(j.project_code) filter (
            where j.project_type = '提标改造' and year(j.completed_on) = y.year
        ) as bigint) as n_upgrades_completed,
        cast(count(j.project_code) filter (
            where year(j.started_on) <= y.year and (j.completed_on is null or year(j.completed_on) > y.year)
        ) as bigint) as n_projects_in_progress
    from plants as p
    cross join years as y
    left join projects as j
        on p.plant_code = j.plant_code
    group by all

),

final as (

    select
        c.plant_code,
        p.plant_name,
        p.district,
        c.year,
        p.design_capacity_t_per_day,
        c.n_expansions_completed,
        c.capacity_added_by_expansions_t_per_day,
        c.n_new_builds_completed,
        c.n_upgrades_completed,
        c.n_projects_in_progress
    from counted as c
    inner join plants as p
        on c.plant_code = p.plant_code

)

select * from final
