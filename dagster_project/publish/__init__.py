"""The publish stage: the allow-listed analysts' snapshot, build backups, rollback and restore."""

from .allowlist import PublishedTable, PublishError, published_tables
from .publication import OPS_TABLES, PUBLISH_LOG_TABLE, Publication, publish, restore_build, rollback

__all__ = [
    "OPS_TABLES",
    "PUBLISH_LOG_TABLE",
    "PublishError",
    "Publication",
    "PublishedTable",
    "publish",
    "published_tables",
    "restore_build",
    "rollback",
]
