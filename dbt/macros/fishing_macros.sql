{#-
    fishing_pseudonym(id_col)

    A stable pseudonymous key for an offender, so that marts can tell repeat offenders and
    joint-operation duplicates apart without carrying a name or ID number. The key is the first
    16 hex digits of sha256(project salt | ID number with spaces removed and the check letter
    upper-cased); the same ID always gives the same key, and the key cannot be read back.
-#}
{% macro fishing_pseudonym(id_col) -%}
    (case
        when nullif(trim({{ id_col }}), '') is null then null
        else 'P' || left(sha256('xx-eco-fishing-ban|' || upper(regexp_replace({{ id_col }}, '\s', '', 'g'))), 16)
    end)
{%- endmacro %}

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
