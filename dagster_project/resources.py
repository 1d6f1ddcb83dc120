"""Resources shared by the assets: the warehouse paths and DuckDB connections."""

from __future__ import annotations

from contextlib import contextmanager

import dagster as dg
import duckdb

from .settings import Settings


class WarehouseResource(dg.ConfigurableResource):
    """The build database (one writer at a time) and the paths around it, from the settings."""

    def settings(self) -> Settings:
        return Settings.from_env()

    @contextmanager
    def connect(self, read_only: bool = False):
        settings = self.settings()
        settings.build_db.parent.mkdir(parents=True, exist_ok=True)
        conn = duckdb.connect(
            str(settings.build_db),
            read_only=read_only,
            config={"autoinstall_known_extensions": False, "autoload_known_extensions": False},
        )
        try:
            yield conn
        finally:
            conn.close()
