"""A course whose every authored text is a script-injection payload, for the browser tests of every output.

Built from the built-in T1 module, cut to one question of each type (so a browser run stays short), with
every text an author writes replaced by one of PAYLOADS. A payload that runs calls alert(), which the tests
catch as a dialog; the tests also look for event-handler attributes and javascript: links in the page.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import yaml
from zhineng.modules.course import Course
from zhineng.modules.course_files import BUILTIN_DIR
from zhineng.modules.loader import load_course

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    "<svg/onload=alert(3)>",
    '"><img src=x onerror=alert(4)>',
    "'><script>alert(5)</script>",
    "[link](javascript:alert(6))",
    '<a href="javascript:alert(7)">x</a>',
    '<iframe srcdoc="<script>parent.alert(8)</script>"></iframe>',
    '{{constructor.constructor("alert(9)")()}}',
    "<!--<script>alert(10)</script>-->",
    "\u2028</script><script>alert(11)</script>\u2029",
    "<details open ontoggle=alert(12)>",
    "&lt;img src=x onerror=alert(13)&gt;",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(14)>",
    "${alert(15)}`+alert(16)+`",
    "<script>alert(17)</script>",
]
# One question of each of the seven types.
QUESTIONS = ["T1-Q001", "T1-Q002", "T1-Q004", "T1-Q006", "T1-Q008", "T1-Q012", "T1-Q018"]
# Keys whose string values (or lists of strings) are texts an author writes and a learner sees.
TEXT_KEYS = {
    "title", "description", "body", "prompt", "explanation", "text", "feedback", "correct", "incorrect",
    "guidance", "anchors", "accepted",
}  # fmt: skip


def _poison(value: Any, counter: itertools.count[int], key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _poison(v, counter, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, counter, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        n = next(counter)
        return f"{PAYLOADS[n % len(PAYLOADS)]} #{n}"  # numbered: no two prompts (or anchors) the same
    return value


def xss_course(folder: Path) -> Course:
    data = yaml.safe_load((BUILTIN_DIR / "T1.yaml").read_text(encoding="utf-8"))
    data["questions"] = [q for q in data["questions"] if q["id"] in QUESTIONS]
    data = _poison(data, itertools.count())
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "T1.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_course([folder])


# In a page (or frame): elements with an event-handler attribute, and links to javascript: URLs.
ACTIVE_MARKUP_JS = """(root) => Array.from((root || document).querySelectorAll('*')).flatMap(el =>
    Array.from(el.attributes)
        .filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))
        .map(a => el.tagName + ' ' + a.name + '=' + a.value.slice(0, 60)))"""
