"""The cmi5 AU (the SCO's player, with its exit control, launched by the strict test LMS and reporting to ralph)
at 1280x800 and on a 390x844 phone: the same layout and axe-core checks as the SCO's, on each page type."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cmi5_launcher import Launcher
from layout_checks import SIZES
from test_cmi5_lrs import close, play, registration_of
from test_layout_sco import ACTIVITY, TASK, check
from zhineng.cmi5_export.package import build_cmi5
from zhineng.cmi5_export.payload import au_payload
from zhineng.modules.course import Course


@pytest.fixture(scope="module")
def lms(builtin_course: Course, lrs: Any) -> Iterator[Launcher]:
    [(_name, files)] = build_cmi5(builtin_course)
    launcher = Launcher({f.path: f.data for f in files}, lrs)
    server = launcher.serve()
    yield launcher
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("size", SIZES)
def test_every_page_type_of_the_au_fits_and_passes_axe(
    size: str, builtin_course: Course, lms: Launcher, lrs: Any, browser: Any, tmp_path: Path
) -> None:
    module = next(m for m in builtin_course.modules if m.id == "T1")
    payload = au_payload(builtin_course, module)
    page = browser.new_page(viewport=SIZES[size])
    learner = play(browser, lms, payload["xapi"]["au"], payload, page=page)
    assert learner.sco.locator("[data-action=exit]").is_visible()  # the AU's own control, in the header
    found = {}
    for key in ("overview", ACTIVITY, f"task:{TASK}", "progress"):
        learner.goto(key)
        found[key] = check(learner, size, f"au-{key}", tmp_path)
    close(learner, lms, lrs, registration_of(learner))
    assert {k: v for k, v in found.items() if v} == {}
    assert learner.errors == []
    assert lms.refused == []
