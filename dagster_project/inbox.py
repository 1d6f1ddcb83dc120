"""What the inbox holds, by content: the digest a publication records and the inbox sensor compares.

The digest covers every file the loader could load (its `discover` rule: spreadsheets, no Office lock
or hidden files) as "relative path|sha256 of the content", so touching, copying or re-saving a file
unchanged does not count as a change, and an edit that keeps size and mtime does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .ingest.loader import discover, file_sha256

ALL_FILES = "**/*"


@dataclass(frozen=True)
class FileFingerprint:
    """A file's sha256 and the stat fields it was read under; ctime changes on every write, even when
    mtime is set back (os.utime, cp -p), so an unchanged stat means the sha256 can be reused."""

    size: int
    mtime_ns: int
    ctime_ns: int
    sha256: str

    def as_list(self) -> list:
        return [self.size, self.mtime_ns, self.ctime_ns, self.sha256]


def content_digest(
    raw_dir: Path, known: Mapping[str, FileFingerprint] | None = None
) -> tuple[str, dict[str, FileFingerprint]]:
    """The inbox digest, and each file's fingerprint; `known` fingerprints whose stat still matches are
    reused instead of reading the file again."""
    known = known or {}
    fingerprints: dict[str, FileFingerprint] = {}
    digest = hashlib.sha256()
    for path in discover(raw_dir, ALL_FILES):
        rel_path = path.relative_to(raw_dir).as_posix()
        stat = path.stat()
        previous = known.get(rel_path)
        if previous and (previous.size, previous.mtime_ns, previous.ctime_ns) == (
            stat.st_size,
            stat.st_mtime_ns,
            stat.st_ctime_ns,
        ):
            fingerprint = previous
        else:
            fingerprint = FileFingerprint(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, file_sha256(path))
        fingerprints[rel_path] = fingerprint
        digest.update(f"{rel_path}|{fingerprint.sha256}\n".encode())
    return digest.hexdigest(), fingerprints


def inbox_digest(raw_dir: Path) -> str:
    """The content digest of the inbox, reading every file."""
    return content_digest(raw_dir)[0]
