{#-
    indicator_feed_models() → the feed models fct_indicator_values unions, from var('indicator_feeds').

    dbt resolves ref() when it parses a model, before the graph of models is known, so the feed list
    has to be data the parser can read (a var). When the model runs, the graph is known: a model named
    int_<domain>__indicator_values that is missing from the var stops the run with the fix spelled
    out, so a domain's feed can never be silently left out of the indicators.
-#}
{% macro indicator_feed_models() -%}
    {%- set feeds = var('indicator_feeds') -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values()
              if node.resource_type == 'model'
              and modules.re.fullmatch('int_[a-z0-9_]+__indicator_values', node.name)
              and node.name not in feeds -%}
            {{ exceptions.raise_compiler_error(
                node.name ~ " feeds indicators but is not listed in vars.indicator_feeds of dbt_project.yml: "
                ~ "add it there (docs/indicators.md)") }}
        {%- endfor -%}
    {%- endif -%}
    {{ return(feeds) }}
{%- endmacro %}


{#-
    indicator_feed_column(feed, column, data_type) → the feed's `column`, or a typed NULL under that name
    when the feed's contract (its YAML) does not declare it. A column that only some domains have (the air
    feed's assessment basis and GB 3095 statistic validity) reaches fct_indicator_values without every
    other feed carrying a column of NULLs.
-#}
{% macro indicator_feed_column(feed, column, data_type) -%}
    {%- set node = graph.nodes.get('model.' ~ project_name ~ '.' ~ feed) if execute else none -%}
    {%- if node is not none and column in node.columns -%}
        {{ column }}
    {%- else -%}
        cast(null as {{ data_type }}) as {{ column }}
    {%- endif -%}
{%- endmacro %}
