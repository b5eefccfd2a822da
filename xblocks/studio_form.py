"""One Studio editor for every block: a block lists its settings, one template lays them out in Studio's markup.

Each setting is a form control whose `name` is the key `studio_submit` reads and whose `data-type` says how
studio.js sends it (text, int, number, bool).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from web_fragments.fragment import Fragment

from . import render


@dataclass(frozen=True)
class Setting:
    name: str
    label: str
    control: Literal["input", "textarea", "select", "checkbox"] = "input"
    data_type: Literal["text", "int", "number", "bool"] = "text"
    value: Any = ""
    help: str = ""
    options: tuple[tuple[str, str], ...] = ()  # a select's (value, label)
    rows: int = 0  # a textarea's height
    attrs: str = ""  # min/max/step of a number input, as HTML attributes

    @property
    def input_type(self) -> str:
        return "number" if self.data_type in ("int", "number") else "text"


def studio_fragment(block: Any, settings: list[Setting], t: dict[str, str]) -> Fragment:
    ctx = {"t": t, "prefix": render.dom_prefix(block), "settings": settings}
    return render.fragment("studio.html", ctx, "studio.js", "ZhinengStudio", {"strings": t})
