-- Units are never mixed: a counted quantity must come from a unit the catalogue counts for that item,
-- and a length only from a length unit. The finding names the file and row that break it.
select
    c.*,
    case
        when c.counted_quantity is not null and not coalesce(u.measure = 'count' and u.counts_toward_item, false)
            then format('{} 第{}行 {}：按「{}」计量的数量进入了计数', c.source_file, c.source_row, c.item_label, c.quantity_unit)
        when c.length_m is not null and coalesce(u.measure, '') <> 'length'
            then format('{} 第{}行 {}：按「{}」计量的数量进入了长度', c.source_file, c.source_row, c.item_label, c.quantity_unit)
        else 'ok'
    end as unit_finding
from marts.fct_fishing_confiscations as c
left join reference.fishing_item_units as u
    on u.item_group = 'confiscation'
    and u.item_label = c.item_label
    and u.unit = c.quantity_unit
