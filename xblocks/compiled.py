"""The built-in course as the blocks need it, compiled at build time into one JSON file shipped with the package.

An LMS process never parses the course's YAML: the quiz reads its banks and the progress block its outline
from builtin_course.json, which `make banks` writes from the checked course and tests/ keeps fresh.
JSON, not pickle: data, never code, is what the package ships.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

FILE = "builtin_course.json"


def compile_builtin() -> bytes:
    """The file's bytes, from the built-in course as the loader checks it; the same course gives the same bytes."""
    from ..modules.loader import load_course
    from .bank import Bank, bank_to_content
    from .standing import outline_of

    course = load_course()
    data = {
        "banks": [bank_to_content(Bank.of(m)) for m in course.modules],
        "outline": outline_of(course.standard),
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


@lru_cache(maxsize=1)
def builtin_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(files(__package__).joinpath(FILE).read_bytes())
    return data
