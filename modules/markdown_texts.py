"""Where a module file holds Markdown: the texts the packages render, found in parsed data before (and without)
the models, so that other processes can render them ahead (modules/read_ahead.py, zhineng/exporters.py).

tests/test_read_ahead.py proves that every text an export renders is found here. A text found that is not
rendered costs a helper a little time; a rendered text not found is rendered where it is needed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MARKDOWN_KEYS = frozenset(
    {"body", "brief", "description", "descriptor", "exemplar", "explanation", "guidance", "help", "prompt"}
)


def module_texts(data: Any) -> tuple[str, ...]:
    """The Markdown texts of one module's parsed data, each once, in the order of the file."""
    texts: dict[str, None] = {}
    _collect(data, None, texts)
    return tuple(texts)


def course_texts(standard: Any, modules: Sequence[Any], selected: Sequence[str] | None) -> list[str]:
    """The Markdown texts of the modules' parsed data, each once, module by module in the order the course
    lists them (by the standard's order of tasks, then id: the loader's order), limited to `selected` ids.
    Data no model has checked yet: whatever its shape, this neither fails nor loops."""
    tasks = standard.get("tasks") if isinstance(standard, dict) else None
    ids = [t.get("id") for t in tasks if isinstance(t, dict)] if isinstance(tasks, list) else []
    order = {task: i for i, task in enumerate(ids) if isinstance(task, str)}

    def place(module: dict[Any, Any]) -> tuple[int, str]:
        task = module.get("task")
        return order.get(task, len(order)) if isinstance(task, str) else len(order), str(module.get("id"))

    data = [m for m in modules if isinstance(m, dict) and (selected is None or m.get("id") in selected)]
    data.sort(key=place)
    return list(dict.fromkeys(text for module in data for text in module_texts(module)))


def _collect(value: Any, key: Any, texts: dict[str, None]) -> None:
    if isinstance(value, str):
        if key in MARKDOWN_KEYS and value:
            texts[value] = None
    elif isinstance(value, dict):
        for k, v in value.items():
            _collect(v, k, texts)
    elif isinstance(value, list):
        for v in value:
            _collect(v, key, texts)
