"""Deterministic generator of the bundled sample submissions in seeds/raw/.

One module per domain, each exposing ``generate(raw_dir: Path) -> None`` that wipes and rewrites only
``raw_dir/<domain>/``. The domains are listed once, in ``__main__.DOMAINS``.
"""
