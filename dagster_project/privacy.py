"""Personal data: the keyed pseudonym, and masking wherever a value could be echoed.

Personal values (the registry's `personal_columns`) live only in the build database. Whatever leaves it —
the published snapshot, report copies, rejection workbooks, alerts, run logs — carries neither the values
nor anything they can be recovered from.

The pseudonym is HMAC-SHA256 under a key that is never committed: `WAREHOUSE_PSEUDONYM_KEY`, or else a key
file generated once in the data dir (`secrets/pseudonym.key`, mode 0600). A plain hash of an 18-digit ID
number could be reversed by enumerating one city's region codes, birth dates and sequence numbers; without
the key nothing can be derived, and with the same key the pseudonym is stable across builds.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

PSEUDONYM_KEY_VARIABLE = "WAREHOUSE_PSEUDONYM_KEY"
MASK = "＊＊＊（个人信息已隐去 / personal data masked）"

# Shapes of personal values that may turn up in free text (error messages, exception texts):
# 18-digit resident ID numbers (last character a digit or X), mainland mobile numbers, and vehicle or
# fishing-vessel plates (皖B12345, 皖B·1A2C3, 皖芜湖渔12345).
ID_NUMBER_SHAPE = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}[01]\d[0-3]\d{4}[\dXx](?![0-9A-Za-z])"
)
MOBILE_SHAPE = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")
PLATE_SHAPE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]"
    r"(?:[A-Z][·•.\s]?|[\u4e00-\u9fff]{1,3}渔)[A-Z0-9]{5,6}(?![A-Z0-9])"
)
PERSONAL_SHAPES = (ID_NUMBER_SHAPE, MOBILE_SHAPE, PLATE_SHAPE)


def mask_text(text: str | None) -> str | None:
    """The text with every ID-number, mobile-number and plate shaped run replaced by the mask."""
    if text is None:
        return None
    for shape in PERSONAL_SHAPES:
        text = shape.sub(MASK, text)
    return text


def pseudonym_key(data_dir: Path) -> bytes:
    """The HMAC key: the environment setting, else the data dir's key file (created on first use)."""
    configured = os.environ.get(PSEUDONYM_KEY_VARIABLE)
    if configured:
        return configured.encode("utf-8")
    key_file = data_dir / "secrets" / "pseudonym.key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.parent.chmod(0o700)
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32))
    return key_file.read_text(encoding="ascii").strip().encode("ascii")


def pseudonym(value: str | None, key: bytes) -> str | None:
    """'P' + 16 hex digits of HMAC-SHA256(key, the value without spaces, upper-cased); None for no value."""
    if value is None:
        return None
    normalised = re.sub(r"\s", "", str(value)).upper()
    if not normalised:
        return None
    return "P" + hmac.new(key, normalised.encode("utf-8"), hashlib.sha256).hexdigest()[:16]
