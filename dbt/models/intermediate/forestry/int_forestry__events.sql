-- 林业流量事件长表：每条台账记录按其日期拆成（区县, 日期, 指标, 数量）。年初至今的合计由此按日期求和，
-- 不读任何合计行或累计列。面积均为公顷。
with

afforestation as (

    select * from {{ ref('stg_forestry__afforestation') }}

),

mine_restoration as (

    select * from {{ ref('stg_forestry__mine_restoration') }}

),

land_reserve as (

    select * from {{ ref('stg_forestry__forest_land_reserve') }}

),

land_use as (

    select * from {{ ref('stg_forestry__forest_land_use') }}

),

inspections as (

    select * from {{ ref('stg_forestry__protected_area_inspections') }}

),

trees as (

    select * from {{ ref('stg_forestry__ancient_trees') }}

),

rescues as (

    select * from {{ ref('stg_forestry__wildlife_rescue') }}

),

alligators as (

    select * from {{ ref('stg_forestry__alligator_releases') }}

),

unioned as (

    select
        district,
        completed_on as event_on,
        case work_type
            when '造林绿化' then 'afforestation_ha'
            when '森林抚育' then 'tending_ha'
            when '退化林修复' then 'degraded_restored_ha'
        end as metric,
        area_ha as amount,
        project_code as record_key
    from afforestation
    where completed_on is not null

    union all

    -- the unnests of one select list run side by side: one row per (metric, amount) pair of a record
    select
        district,
        completed_on as event_on,
        unnest(case
            when is_abandoned_mine then ['mine_projects_done', 'mine_restored_ha']
            else ['active_mine_restored_ha']
        end) as metric,
        unnest(case
            when is_abandoned_mine then [1.0, restored_area_ha]
            else [restored_area_ha]
        end) as amount,
        project_code as record_key
    from mine_restoration
    where is_completed and completed_on is not null

    union all

    select
        district,
        accepted_on as event_on,
        'reserve_land_ha' as metric,
        area_ha as amount,
        parcel_code as record_key
    from land_reserve

    union all

    select
        district,
        approved_on as event_on,
        'land_use_approved_ha' as metric,
        area_ha as amount,
        approval_code as record_key
    from land_use

    union all

    select
        district,
        inspected_on as event_on,
        unnest(['protected_area_inspections', 'problems_found', 'problems_fixed']) as metric,
        unnest([1.0, cast(problems_found as double), cast(problems_fixed as double)]) as amount,
        site_code || '|' || cast(inspected_on as varchar) as record_key
    from inspections

    union all

    select
        district,
        tagged_on as event_on,
        'trees_tagged' as metric,
        1.0 as amount,
        tree_id as record_key
    from trees
    where is_tagged and tagged_on is not null

    union all

    select
        district,
        repaired_on as event_on,
        'tree_repair_subsidy_yuan' as metric,
        repair_subsidy_yuan as amount,
        tree_id as record_key
    from trees
    where repaired_on is not null and repair_subsidy_yuan is not null

    union all

    select
        district,
        received_on as event_on,
        unnest(['animals_reported', 'animals_rescued', 'animals_survived']) as metric,
        unnest([
            cast(animals_reported as double),
            cast(animals_rescued as double),
            cast(coalesce(animals_survived, 0) as double)
        ]) as amount,
        rescue_code as record_key
    from rescues

    union all

    select
        district,
        released_on as event_on,
        'alligators_released' as metric,
        cast(alligators as double) as amount,
        release_code as record_key
    from alligators

),

final as (

    select
        cast(district as varchar) as district,
        cast(event_on as date) as event_on,
        cast(metric as varchar) as metric,
        cast(amount as double) as amount,
        cast(record_key as varchar) as record_key
    from unioned

)

select * from final
