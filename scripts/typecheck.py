"""Run mypy on the pure model (zhineng.modules, zhineng.quizzes) as it is installed.

The top-level folders install as subpackages of `zhineng` (see pyproject's package-dir); mypy does not
follow that mapping, so we lay the same package out with symlinks in a temporary folder and check that.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="zhineng-mypy-") as tmp:
        pkg = Path(tmp) / "zhineng"
        pkg.mkdir()
        (pkg / "__init__.py").symlink_to(ROOT / "zhineng" / "__init__.py")
        for name in ("modules", "quizzes"):
            (pkg / name).symlink_to(ROOT / name)
        cmd = [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "-p",
            "zhineng.modules",
            "-p",
            "zhineng.quizzes",
        ]
        return subprocess.run(cmd, cwd=tmp).returncode


if __name__ == "__main__":
    raise SystemExit(main())
