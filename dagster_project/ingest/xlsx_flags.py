"""What calamine does not show: hidden rows, and formula cells saved without a calculated value.

Both would otherwise enter the warehouse silently — a hidden row as if the department had meant it,
a formula as an empty cell. The sheet XML is scanned only when it contains either marker, so large
hourly exports pay one decompress-and-search.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


@dataclass
class SheetFlags:
    hidden_rows: set[int] = field(default_factory=set)  # 0-based row indexes
    formulas_without_value: set[tuple[int, int]] = field(default_factory=set)  # 0-based (row, column)


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def _sheet_part(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{_PKG_REL}Relationship")}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        if sheet.get("name") == sheet_name:
            target = targets.get(sheet.get(f"{_REL}id"), "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def sheet_xml(path: Path, sheet_name: str) -> tuple[str, bytes] | None:
    """(part name, XML) of an xlsx sheet, or None when the file has no such readable part."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            part = _sheet_part(archive, sheet_name)
            return None if part is None else (part, archive.read(part))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        return None


def flags_of(xml: bytes) -> SheetFlags:
    flags = SheetFlags()
    if b'hidden="1"' not in xml and b"<f" not in xml:
        return flags
    for row in ElementTree.fromstring(xml).iter(f"{_MAIN}row"):
        if row.get("hidden") in ("1", "true"):
            flags.hidden_rows.add(int(row.get("r")) - 1)
        for cell in row.iter(f"{_MAIN}c"):
            formula, value = cell.find(f"{_MAIN}f"), cell.find(f"{_MAIN}v")
            if formula is not None and (value is None or value.text in (None, "")):
                letters, number = _CELL_REF.fullmatch(cell.get("r")).groups()
                flags.formulas_without_value.add((int(number) - 1, _column_index(letters)))
    return flags


def sheet_flags(path: Path, sheet_name: str) -> SheetFlags:
    found = sheet_xml(path, sheet_name)
    return SheetFlags() if found is None else flags_of(found[1])
