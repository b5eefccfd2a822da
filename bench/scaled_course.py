"""A course N times the built-in one (3N modules), written into a folder, for measuring how the core scales.

Each copy renames what must be unique across a course (module, lesson, question and reflection ids) and
numbers its prompts (no two questions may ask the same thing); everything else is the built-in content.
"""

from __future__ import annotations

import re
from pathlib import Path

from zhineng.modules.course_files import BUILTIN_DIR, STANDARD_FILE

_IDS = re.compile(r"(?m)^(id: |  - id: )(\S+)$")  # the module's id and its top-level items' ids
_BLOCK_PROMPT = re.compile(r"(?m)^(\s+prompt: [|>][-+]?\n)(\s+)")
_PLAIN_PROMPT = re.compile(r"(?m)^(\s+prompt: )([^|>\s].*)$")


def write_scaled_course(folder: Path, copies: int) -> list[Path]:
    """Write standard.yaml and `copies` renamed copies of each built-in module into folder; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / STANDARD_FILE).write_bytes((BUILTIN_DIR / STANDARD_FILE).read_bytes())
    written = []
    for source in sorted(BUILTIN_DIR.glob("*.yaml")):
        if source.name == STANDARD_FILE:
            continue
        text = source.read_text(encoding="utf-8")
        for k in range(copies):
            copy = _IDS.sub(lambda m, k=k: f"{m.group(1)}{m.group(2)}-c{k:03d}", text)
            copy = _BLOCK_PROMPT.sub(lambda m, k=k: f"{m.group(1)}{m.group(2)}第 {k} 版：", copy)
            copy = _PLAIN_PROMPT.sub(lambda m, k=k: f"{m.group(1)}第 {k} 版：{m.group(2)}", copy)
            path = folder / f"{source.stem}-c{k:03d}.yaml"
            path.write_text(copy, encoding="utf-8")
            written.append(path)
    return written
