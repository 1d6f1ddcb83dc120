-- 禁渔宣传工作台账：1:1 对应 raw.fishing_publicity。（宣传形式, 计量单位）在 fishing_item_units 目录中查得项目代码；
-- 约数（约、余）按所写数值计入，限定词保留在 quantity_qualifier。
{% call staging_fishing_item_ledger('fishing_publicity', 'publicity', 'channel') %}
s.entry_code,
s.publicised_on,
s.district,
s.channel,
u.item_code as channel_code,
s.content,
s.quantity,
s.quantity_qualifier,
s.quantity_unit,
u.counts_toward_item,
{% endcall %}
