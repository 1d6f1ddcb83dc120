"""`make docs`: the dbt documentation site as one offline file, data/docs/index.html.

`dbt docs generate --static` embeds the manifest and the catalogue (read from the build database) in
one index.html whose scripts and styles are inline. The one network load left in it is dbt's usage
tracker (a script from a CDN, started only when the manifest allows tracking, which dbt_project.yml
forbids); its address is removed, and the page is refused if anything else would load from the network.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .settings import DBT_PROJECT_DIR, Settings

SITE_FILE = "index.html"
_TRACKER = re.compile(r"""\.src\s*=\s*(["'])(?:https?:)?//[^"']*/sp\.js\1""")
# what would make a browser fetch something: a tag's src/href, a stylesheet import or url(), a script's .src
_NETWORK_LOADS = re.compile(
    r"""<(?:script|img|iframe)[^>]+src\s*=\s*["']?(?:https?:)?//"""
    r"""|<link[^>]+href\s*=\s*["']?(?:https?:)?//"""
    r"""|@import\s+(?:url\()?\s*["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//"""
    r"""|\.src\s*=\s*["'](?:https?:)?//""",
    re.IGNORECASE,
)


class DocsError(RuntimeError):
    """The documentation site could not be built, or would load something from the network."""


def network_loads(page: str) -> list[str]:
    """Each place in the page that would make the browser fetch from another host, with some context."""
    return [page[max(0, m.start() - 40) : m.end() + 60] for m in _NETWORK_LOADS.finditer(page)]


def offline_page(page: str) -> str:
    """The page without dbt's usage tracker; refused if any other network load remains."""
    page = _TRACKER.sub(r".src=\1\1", page)
    loads = network_loads(page)
    if loads:
        raise DocsError(f"the dbt docs page would load from the network / 页面仍会联网加载: {loads}")
    return page


def build_docs(settings: Settings) -> Path:
    if not settings.build_db.exists():
        raise DocsError(
            f"no build database at {settings.build_db}: the catalogue is read from it; run `make run` first "
            "/ 尚无构建库，先运行 make run"
        )
    with tempfile.TemporaryDirectory(prefix="dbt-docs-") as target:
        command = [
            str(Path(sys.executable).parent / "dbt"),
            "docs",
            "generate",
            "--static",
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
            "--project-dir",
            str(DBT_PROJECT_DIR),
            "--target-path",
            target,
        ]
        completed = subprocess.run(  # noqa: S603 a fixed command
            command, env={**os.environ, **settings.dbt_env()}, capture_output=True, text=True, check=False
        )
        if completed.returncode != 0:
            raise DocsError(
                f"dbt docs generate failed:\n{completed.stdout[-4000:]}{completed.stderr[-2000:]}"
            )
        page = offline_page((Path(target) / "static_index.html").read_text(encoding="utf-8"))
    settings.docs_dir.mkdir(parents=True, exist_ok=True)
    site = settings.docs_dir / SITE_FILE
    partial = site.with_name(f".{SITE_FILE}.partial")
    partial.write_text(page, encoding="utf-8")
    os.replace(partial, site)
    return site


def main() -> int:
    try:
        site = build_docs(Settings.from_env())
    except DocsError as error:
        print(f"错误 / error: {error}", file=sys.stderr)
        return 1
    print(f"dbt 文档 / docs: {site}（离线单文件，用浏览器打开 / one offline file, open it in a browser）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
