-- The period mart's areas and project counts recounted from the project-level marts by completion date.
with recount as (
    select
        p.year,
        p.end_month,
        p.afforestation_mu,
        p.tending_mu,
        p.degraded_restored_mu,
        p.mine_projects_done,
        coalesce(sum(a.area_mu) filter (where a.work_type = '造林绿化'), 0) as afforestation_recount,
        coalesce(sum(a.area_mu) filter (where a.work_type = '森林抚育'), 0) as tending_recount,
        coalesce(sum(a.area_mu) filter (where a.work_type = '退化林修复'), 0) as degraded_recount,
        (
            select count(*) from marts.fct_mine_restoration as m
            where m.is_abandoned_mine and m.is_completed and m.completed_on between p.period_start and p.period_end
        ) as mine_projects_recount
    from marts.fct_forestry_period as p
    left join marts.fct_afforestation as a
        on a.completed_on between p.period_start and p.period_end
    group by all
),

findings as (
    select
        case
            when abs(afforestation_mu - afforestation_recount) <= 1e-6
             and abs(tending_mu - tending_recount) <= 1e-6
             and abs(degraded_restored_mu - degraded_recount) <= 1e-6
             and mine_projects_done = mine_projects_recount then 'ok'
            else format('{}年1-{}月：造林 {} / 重算 {}，抚育 {} / 重算 {}，退化林修复 {} / 重算 {}，矿山项目 {} / 重算 {}',
                        year, end_month, afforestation_mu, afforestation_recount, tending_mu, tending_recount,
                        degraded_restored_mu, degraded_recount, mine_projects_done, mine_projects_recount)
        end as recount_finding
    from recount
)

select *, null::varchar as recount_finding from marts.fct_forestry_period
union all by name
select recount_finding from findings
