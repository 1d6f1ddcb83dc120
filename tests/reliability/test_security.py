"""No machine paths or secrets in the repository; the Dagster UI binds to loopback."""

import re
import subprocess

from dagster_project.settings import REPO_ROOT

MACHINE_PATH = re.compile(r"(?<![\w.])/(?:work|root|home/\w+|tmp/pytest)(?!\w)[/\w.-]*")
SECRET = re.compile(r"(?i)(password|passwd|secret|token|api[_-]?key)\s*[:=]\s*['\"][^'\"]{6,}")


def _tracked_text_files():
    names = subprocess.run(
        ["git", "ls-files"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    ).stdout
    for name in names.splitlines():
        path = REPO_ROOT / name
        if (
            path.suffix in {".py", ".sql", ".yml", ".yaml", ".toml", ".md", ".json", ".cfg", ".txt", ""}
            and path.is_file()
        ):
            yield name, path.read_text(encoding="utf-8", errors="replace")


def test_no_machine_path_or_secret_is_committed():
    findings = [
        (name, match.group(0))
        for name, text in _tracked_text_files()
        if name != "tests/reliability/test_security.py"
        for match in [*MACHINE_PATH.finditer(text), *SECRET.finditer(text)]
    ]
    assert findings == []


def test_the_dagster_ui_binds_to_loopback():
    makefile = (REPO_ROOT / "Makefile").read_text()
    assert "--host 127.0.0.1" in makefile and "0.0.0.0" not in makefile
