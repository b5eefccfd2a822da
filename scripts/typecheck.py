"""Run mypy on the pure packages (zhineng.modules, zhineng.quizzes, zhineng.reports) as they are installed.

The top-level folders install as subpackages of `zhineng` (see pyproject's package-dir); mypy does not
follow that mapping, so we lay the same package out with symlinks in a temporary folder and check that.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The pure model and the report builder; renderers with lxml/XBlock are covered by their tests.
CHECKED = ("modules", "quizzes", "reports")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="zhineng-mypy-") as tmp:
        pkg = Path(tmp) / "zhineng"
        pkg.mkdir()
        for name in ("__init__.py", "files.py", "arguments.py"):
            (pkg / name).symlink_to(ROOT / "zhineng" / name)
        for name in CHECKED:
            (pkg / name).symlink_to(ROOT / name)
        # Loading a course runs the export-time checks (scorm_export/export_checks.py): mypy follows that
        # import into the few pure modules it needs and checks them too.
        (pkg / "scorm_export").symlink_to(ROOT / "scorm_export")
        packages = [arg for name in CHECKED for arg in ("-p", f"zhineng.{name}")]
        cmd = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), *packages]
        return subprocess.run(cmd, cwd=tmp).returncode


if __name__ == "__main__":
    raise SystemExit(main())
