"""Who answers for the warehouse's assets (the owner shown on every asset in the Dagster UI).

A dbt model may name other owners in its YAML (`config: meta: dagster: owners: [...]`).
"""

WAREHOUSE_OWNERS = ["team:data-engineering"]
