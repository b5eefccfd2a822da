"""Open a SCO inside the scorm-again wrapper (or alone), ready for a Learner to drive."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from learner import Learner
from sco_site import build_site
from zhineng.modules.course import Course


def launch(
    browser: Any,
    serve: Callable[[Path], str],
    site: Path,
    course: Course,
    module_id: str,
    version: str,
    query: str = "",
    cmi: dict[str, Any] | None = None,
    profile: str = "strict",
    passing: dict[str, str] | None = None,
) -> Learner:
    module = next(m for m in course.modules if m.id == module_id)
    sco, payload = build_site(site, course, module, version, profile)
    base = serve(site)
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    if cmi is not None:
        page.add_init_script("window.__cmi = " + json.dumps(cmi) + ";")
    if passing is not None:
        page.add_init_script("window.__passing = " + json.dumps(passing) + ";")
    page.goto(f"{base}/wrapper.html?v={version}&sco={sco}{query}")
    learner = Learner(page, payload).ready()
    learner.errors = errors
    return learner
