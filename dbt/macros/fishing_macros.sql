{#- The lineage columns every raw row carries (dagster_project/ingest/registry.py LINEAGE_COLUMNS). -#}
{% macro fishing_lineage_columns() -%}
        _source,
        _file_path,
        _sheet,
        _row_number,
        _file_sha256,
        _file_identity,
        _file_version,
        _load_batch,
        _loaded_at
{%- endmacro %}
