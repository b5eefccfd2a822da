"""The SCO runtime as package data: the shared scripts and styles, and the launch page template."""

from __future__ import annotations

import html
from dataclasses import dataclass
from importlib.resources import files

from ..modules.errors import ZhinengError

TEMPLATE = "index.html"
_SKIP_SUFFIXES = (".py", ".pyc")


@dataclass(frozen=True)
class Runtime:
    template: str  # the launch page, with {{TITLE}}, {{LANG}} and {{SHARED}}
    shared: dict[str, bytes]  # file name -> bytes, shipped under shared/

    def launch_page(self, title: str, lang: str, shared: str) -> bytes:
        values = {"{{TITLE}}": title, "{{LANG}}": lang, "{{SHARED}}": shared}
        text = self.template
        for placeholder, value in values.items():
            text = text.replace(placeholder, html.escape(value, quote=True))
        return text.encode("utf-8")


def load_runtime() -> Runtime:
    """Read scorm_export/runtime/: every file but the template goes to shared/ (hidden files and Python aside)."""
    folder = files("zhineng.scorm_export").joinpath("runtime")
    template = folder.joinpath(TEMPLATE)
    if not template.is_file():
        raise ZhinengError(
            f"the SCO launch page template runtime/{TEMPLATE} is missing from the installation"
        )
    shared = {
        entry.name: entry.read_bytes()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.is_file()
        and entry.name != TEMPLATE
        and not entry.name.startswith(".")
        and not entry.name.endswith(_SKIP_SUFFIXES)
    }
    return Runtime(template.read_text(encoding="utf-8"), shared)
