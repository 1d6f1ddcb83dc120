"""File identity (source + district + period) and version, read from the file name or title row.

Which of two submissions for the same identity is newer comes only from a version (`_v2`, `第2版`)
or a submission date (`报送20231205`, `_20231205`) in the name or title — never from file times or
the order files happen to be loaded in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .normalise import DistrictTable, normalise_text

_SUBMITTED_ON = re.compile(r"(?<!\d)(20\d{2})[-.年]?(0[1-9]|1[0-2])[-.月]?([0-2]\d|3[01])日?(?!\d)")
_VERSION = re.compile(r"(?:(?<![a-z])v|第|版本)\s*(\d{1,3})\s*版?", re.IGNORECASE)
_PERIOD = re.compile(r"(?<!\d)(20\d{2})\s*(?:[-_.年/]\s*)?(1[0-2]|0?[1-9])\s*月?(?!\d)")
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


class IdentityError(ValueError):
    """The file name and title row do not say which period/district/year a file is for."""


@dataclass(frozen=True, order=True)
class Version:
    submitted_on: date
    number: int

    def __str__(self) -> str:
        return f"{self.submitted_on.isoformat()}#v{self.number:03d}"


@dataclass(frozen=True)
class FileIdentity:
    source: str
    parts: tuple[tuple[str, str], ...]
    version: Version

    @property
    def key(self) -> str:
        return "|".join([self.source, *(f"{k}={v}" for k, v in self.parts)])

    def part(self, name: str) -> str | None:
        return dict(self.parts).get(name)


def _submitted_on(text: str) -> tuple[date | None, str]:
    """The latest full date in the text (the submission date) and the text without any dates."""
    found = []
    for match in _SUBMITTED_ON.finditer(text):
        try:
            found.append(date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            continue
    return (max(found) if found else None), _SUBMITTED_ON.sub(" ", text)


def _version(text: str) -> tuple[int | None, str]:
    match = _VERSION.search(text)
    return (int(match[1]) if match else None), _VERSION.sub(" ", text)


def _period(text: str) -> str | None:
    match = _PERIOD.search(text)
    return f"{match[1]}-{int(match[2]):02d}" if match else None


def _year(text: str) -> str | None:
    match = _YEAR.search(text)
    return match[1] if match else None


def _district(text: str, districts: DistrictTable) -> str | None:
    for name, aliases in districts.names_with_aliases():
        if any(alias and alias in text for alias in (name, *aliases)):
            return name
    return None


def parse_identity(
    source: str, parts: tuple[str, ...], file_stem: str, title: str | None, districts: DistrictTable
) -> FileIdentity:
    """Identity parts come from the file name first, then the title row; a version from either."""
    texts = [normalise_text(file_stem) or "", normalise_text(title) or ""]
    submitted, numbers, remainders = [], [], []
    for text in texts:
        on, text = _submitted_on(text)
        number, text = _version(text)
        submitted.append(on)
        numbers.append(number)
        remainders.append(text)
    readers = {"period": _period, "year": _year, "district": lambda t: _district(t, districts)}
    found = []
    for part in parts:
        value = next((v for v in (readers[part](t) for t in remainders) if v), None)
        if value is None:
            raise IdentityError(
                f"cannot tell the {part} from the file name or title row / "
                f"无法从文件名或标题行识别{_PART_ZH[part]}"
            )
        found.append((part, value))
    version = Version(
        submitted_on=next((d for d in submitted if d), date.min),
        number=next((n for n in numbers if n is not None), 1),
    )
    return FileIdentity(source=source, parts=tuple(found), version=version)


_PART_ZH = {"period": "报送月份", "year": "年度", "district": "区县"}
