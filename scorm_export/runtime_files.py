"""The SCO runtime as package data, assembled per channel: the launch script, the pages' script loaded when a page
first needs it, one stylesheet and the launch page.

A channel ships only what it runs: the modules it starts from (CHANNELS) and what their `// needs:` lines bring
in (scorm_export/assemble.py). Adding a module to a channel is one line: name it in a `// needs:` line of a
module the channel ships (player.js for a new view), or here as a starting point of its own.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files

from ..errors import ZhinengError
from ..quizzes.types import TYPES
from .assemble import FOLDER, assemble_parts
from .strip import strip_css

TEMPLATE = "index.html"
SCRIPT = "zhineng.js"  # the names under shared/, the same in every channel
PAGES_SCRIPT = "zhineng-pages.js"
LMS_SCRIPT = "zhineng-lms.js"  # cmi5 only
EN_SCRIPT = "zhineng-en.js"
STYLESHEET = "zhineng.css"
STYLES = ("player.css",)  # concatenated in this order

CHANNELS: dict[str, tuple[str, ...]] = {
    # SCORM 1.2 and 2004: the player, with the LMS API adapter and the standalone stand-in it needs.
    "scorm": ("adapter.js", "standalone.js", "player.js"),
    # cmi5: the same player, reporting through xAPI; xapi-launch.js tells a cmi5 launch from a plain one.
    # responses.js is read by both later scripts (the question types, the SCORM adapter): it ships at launch.
    "cmi5": ("xapi-launch.js", "xapi-adapter.js", "responses.js", "player.js"),
}

# Each question type's runtime half (quizzes/types/, `runtime`) ships in every channel: the player may show any type.
TYPE_MODULES: tuple[str, ...] = tuple(unit.runtime for unit in TYPES.values() if unit.runtime)

# The second script of every channel, loaded the first time a page other than the overview shows or a saved
# attempt resumes (player.js, `// later:`): the question types and the pages' views.
PAGE_ROOTS: tuple[str, ...] = (*TYPE_MODULES, "widgets.js", "reflection.js", "task-actions.js", "progress.js")

# What a channel's pages' script adds to PAGE_ROOTS: cmi5's statements of the learner's answers, which only a
# page of the pages' script takes (the launch script's xapi-adapter.js reads them `// later:`).
CHANNEL_PAGES: dict[str, tuple[str, ...]] = {"scorm": (), "cmi5": ("xapi-answers.js",)}


def channel_roots(channel: str) -> tuple[str, ...]:
    """The modules a channel's launch script starts from."""
    return CHANNELS[channel]


def page_roots(channel: str) -> tuple[str, ...]:
    """The modules a channel's pages' script starts from."""
    return (*PAGE_ROOTS, *CHANNEL_PAGES[channel])


# The cmi5 channel's third script: the SCORM API adapter and the standalone stand-in, which a cmi5 launch does not
# run; loaded outside a cmi5 launch (from disk, in a preview) or when the launch fails.
LMS_ROOTS: tuple[str, ...] = ("adapter.js", "standalone.js")

# The English strings (the launch script holds zh-TW's): loaded before the first page is drawn when the learner's
# language is English.
EN_ROOTS: tuple[str, ...] = ("i18n-en.js",)

# When each later script loads, as the bench prints it.
LATER_SCRIPTS: dict[str, str] = {
    PAGES_SCRIPT: "the first page other than the overview, or at launch when a saved attempt resumes",
    EN_SCRIPT: "at launch when the learner's language is English (an English module, ?lang=en, cmi5 preference)",
    LMS_SCRIPT: "outside a cmi5 launch (from disk, a preview) or when the launch fails",
}


def channel_parts(channel: str) -> list[tuple[str, tuple[str, ...]]]:
    """A channel's scripts (file under shared/, the modules it starts from), the launch script first."""
    parts = [(SCRIPT, channel_roots(channel)), (PAGES_SCRIPT, page_roots(channel)), (EN_SCRIPT, EN_ROOTS)]
    return [*parts, (LMS_SCRIPT, LMS_ROOTS)] if channel == "cmi5" else parts


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


# A channel's runtime being assembled elsewhere (`export --all` assembles them in a helper process:
# zhineng/exporters.py), taken on first use; None from it means "assemble it here after all".
_expected: dict[str, Callable[[], Runtime | None]] = {}


def expect_runtime(channel: str, get: Callable[[], Runtime | None] | None) -> None:
    """`get` gives the channel's runtime on first use; None: nothing is expected any more."""
    if get is None:
        _expected.pop(channel, None)
    else:
        _expected[channel] = get


@functools.cache
def load_runtime(channel: str = "scorm") -> Runtime:
    """Assemble the channel's script and stylesheet from scorm_export/runtime/ (once per process)."""
    get = _expected.pop(channel, None)
    ready = get() if get else None
    if ready is not None:
        return ready
    if channel not in CHANNELS:
        raise ZhinengError(f"unknown runtime channel '{channel}' (known: {', '.join(CHANNELS)})")
    folder = files("zhineng.scorm_export").joinpath("runtime")
    template = folder.joinpath(TEMPLATE)
    if not template.is_file():
        raise ZhinengError(
            f"the SCO launch page template {FOLDER}/{TEMPLATE} is missing from the installation"
        )
    sources = {
        entry.name: entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.is_file() and entry.name.endswith(".js")
    }
    styles = [
        strip_css(f"{FOLDER}/{name}", folder.joinpath(name).read_text(encoding="utf-8")) for name in STYLES
    ]
    scripts = assemble_parts(channel, sources, channel_parts(channel))
    return Runtime(
        template.read_text(encoding="utf-8"),
        {**scripts, STYLESHEET: ("\n".join(styles) + "\n").encode("utf-8")},
    )
