"""Run mypy strict over every package of zhineng as it is installed.

The top-level folders install as subpackages of `zhineng` (see pyproject's package-dir); mypy does not
follow that mapping, so we lay the same package out with symlinks in a temporary folder and check that.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _subpackages() -> list[str]:
    """Top-level folders that install as `zhineng.<name>`, read from pyproject's package-dir (their one list)."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        package_dir = tomllib.load(f)["tool"]["setuptools"]["package-dir"]
    return sorted(folder for name, folder in package_dir.items() if name.startswith("zhineng."))


SUBPACKAGES = _subpackages()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="zhineng-mypy-") as tmp:
        pkg = Path(tmp) / "zhineng"
        pkg.mkdir()
        for path in sorted((ROOT / "zhineng").glob("*.py")):
            (pkg / path.name).symlink_to(path)
        for name in SUBPACKAGES:
            (pkg / name).symlink_to(ROOT / name)
        cmd = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "-p", "zhineng"]
        return subprocess.run(cmd, cwd=tmp).returncode


if __name__ == "__main__":
    raise SystemExit(main())
