"""Each question's part of the quiz block, from its type's unit: the widget's markup and the script that reads it.

A unit (quizzes/types/) names both files, which live in xblocks/qtypes/. This module renders one widget per question
and lists the scripts a quiz's questions need, so the quiz's own template and script never ask a question's type.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from django.template import Context, Engine, Template  # type: ignore[import-untyped]  # Django ships no type information

from ..quizzes.types import TYPES
from .render import loader

FOLDER = "qtypes"


def block_strings() -> dict[str, str]:
    """Every type's widget words (key -> English msgid), for the quiz's table of translated strings."""
    return {key: text for unit in TYPES.values() for key, text in unit.block_strings.items()}


@cache
def _template(name: str) -> Template:
    # Parsed once per process: the same widgets render on every request. Plain Django templates, autoescaped;
    # the words come translated in `t`, so no tag library is needed.
    return Template(loader.load_unicode(f"{FOLDER}/{name}"), engine=Engine())


def widget_html(view: dict[str, Any], dom_id: str, t: dict[str, str]) -> str:
    """One question's controls, from its learner view (xblocks/public.py) and the translated strings."""
    template = _template(TYPES[view["type"]].block_widget)
    html: str = template.render(Context({"q": view, "dom_id": dom_id, "t": t}))
    return html


def reader_scripts(type_names: Iterable[str]) -> list[str]:
    """The scripts that read these types' widgets, each once, in the order the types first appear."""
    files = dict.fromkeys(TYPES[name].block_reader for name in type_names)
    return [loader.load_unicode(f"{FOLDER}/{name}") for name in files]
