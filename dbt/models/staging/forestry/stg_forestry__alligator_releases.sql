-- 扬子鳄野外放归记录：1:1 对应 raw.forestry_alligator_releases，规范单位见模型 YAML。
{% call staging_one_to_one('raw_forestry', 'forestry_alligator_releases') %}
release_code,
released_on,
district,
site,
alligators,
{% endcall %}
