"""Register the blocks' `xblock.v1` entry points for tests until pyproject declares them.

A throwaway `*.dist-info` folder with an entry_points.txt is all importlib.metadata needs; it is only
created when the installed package does not already declare the blocks (so no plugin is ever ambiguous).
"""

from __future__ import annotations

import importlib.metadata
import tempfile
from pathlib import Path

ENTRY_POINTS = {
    "zhineng_quiz": "zhineng.xblocks.quiz:QuizBlock",
    "zhineng_reflection": "zhineng.xblocks.reflection:ReflectionBlock",
    "zhineng_progress": "zhineng.xblocks.progress:ProgressBlock",
}


DEV_DIST = "zhineng-xblocks-dev"


def declared() -> bool:
    """True once the installed zhineng package itself declares the blocks (our own dev folders aside)."""
    points = importlib.metadata.entry_points(group="xblock.v1", name="zhineng_quiz")
    return any(ep.dist is None or ep.dist.name != DEV_DIST for ep in points)


def dev_registration_dir(extra: dict[str, str] | None = None) -> Path:
    """A folder to put on sys.path / PYTHONPATH holding the entry points that are not declared yet."""
    folder = Path(tempfile.mkdtemp(prefix="zhineng-xblock-eps-"))
    points = {} if declared() else dict(ENTRY_POINTS)
    points.update(extra or {})
    info = folder / "zhineng_xblocks_dev-0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {DEV_DIST}\nVersion: 0.0\n")
    lines = ["[xblock.v1]", *(f"{name} = {target}" for name, target in sorted(points.items()))]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n")
    return folder
