"""Regenerate the bundled sample submissions: ``python -m sample_generator [domain ...]``.

Without arguments every domain is regenerated; with names, only those. ``--raw-dir`` writes elsewhere
(tests use it to check that two runs give the same cell values).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import ModuleType

from sample_generator import air, fishing, forestry, soil, water
from sample_generator.common import DEFAULT_RAW_DIR

# The one list of domain modules; a new domain is added here and nowhere else.
DOMAINS: tuple[ModuleType, ...] = (air, water, soil, fishing, forestry)


def _name(module: ModuleType) -> str:
    return module.__name__.rsplit(".", 1)[-1]


def main(argv: list[str] | None = None) -> int:
    by_name = {_name(m): m for m in DOMAINS}
    parser = argparse.ArgumentParser(prog="python -m sample_generator", description=__doc__)
    parser.add_argument(
        "domains",
        nargs="*",
        metavar="domain",
        help=f"domains to regenerate (default: all of {', '.join(by_name)})",
    )
    parser.add_argument(
        "--raw-dir", type=Path, default=DEFAULT_RAW_DIR, help="output root (default: seeds/raw)"
    )
    args = parser.parse_args(argv)
    unknown = [d for d in args.domains if d not in by_name]
    if unknown:
        parser.error(f"unknown domain(s) {', '.join(unknown)}; known: {', '.join(by_name)}")
    for name in args.domains or list(by_name):
        by_name[name].generate(args.raw_dir)
        print(f"{name}: written to {args.raw_dir / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
