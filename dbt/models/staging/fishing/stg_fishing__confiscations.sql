-- 清理取缔台账：1:1 对应 raw.fishing_confiscations。（清理类别, 计量单位）在 fishing_item_units 目录中查得项目代码、
-- 量的种类（计数/长度）与是否计入计数；目录中没有的组合 item_code 为空（数据测试拦下，不会静默相加）。
{% call staging_fishing_item_ledger('fishing_confiscations', 'confiscation', 'item') %}
s.action_code,
s.action_date,
s.district,
s.agency,
s.water_body,
s.item as item_label,
u.item_code,
s.quantity,
s.quantity_unit,
u.measure,
u.counts_toward_item,
{% endcall %}
