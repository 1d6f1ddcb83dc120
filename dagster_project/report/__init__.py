"""The indicator report, reconciliation of claimed figures, and provenance of a value.

Everything here reads the published snapshot (or the copy a report was made from), never the build
database, and takes every indicator's wording, precision and source from the catalogue seed.
"""

from .build import latest_period, write_report

__all__ = ["latest_period", "write_report"]
