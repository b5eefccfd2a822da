"""Every authored text a script-injection payload: every page of the SCO, before and after each answer and
reflection, in SCORM 1.2 and 2004, runs no script of the author's (no dialog, no handler attribute, no
javascript: link). A cmi5 AU is the same launch page, player and data.js payload with another adapter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from launch import launch
from sco_checks import no_lms_errors
from xss_course import ACTIVE_MARKUP_JS, PAYLOADS, xss_course
from zhineng.modules.course import Course


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    return xss_course(tmp_path_factory.mktemp("xss") / "course")


class Watched:
    """The browser, each new page catching dialogs (what every payload would open) before it loads."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser
        self.dialogs: list[str] = []

    def new_page(self, **options: Any) -> Any:
        page = self.browser.new_page(**options)
        page.on("dialog", self._caught)
        return page

    def _caught(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def active_markup(learner: Any) -> list[str]:
    return learner.sco.locator("body").evaluate(ACTIVE_MARKUP_JS)  # type: ignore[no-any-return]


def every_page(learner: Any) -> list[str]:
    """Visit every page the player offers; return what active markup they held."""
    keys = learner.sco.locator("[data-action=goto]").evaluate_all(
        "els => [...new Set(els.map(e => e.dataset.page))]"
    )
    assert len(keys) >= 3, keys
    found: list[str] = []
    for key in keys:
        learner.goto(key)
        found += active_markup(learner)
    return found


@pytest.mark.parametrize(("version", "right"), [("scorm12", False), ("scorm2004", True)])
def test_no_authored_text_runs_in_any_sco_page(
    version: str, right: bool, course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    watched = Watched(browser)
    learner = launch(watched, serve, tmp_path, course, "T1", version)
    payload = learner.payload
    assert all(
        "alert(" in q["explanation_html"] for q in payload["questions"]
    )  # the payloads are there, as text
    assert PAYLOADS[0] in payload["module"]["title"]
    seen = every_page(learner)  # before anything is answered
    learner.do_everything(right=right)  # every answer and reflection submitted: feedback and keys shown
    seen += every_page(learner)
    learner.quit()
    no_lms_errors(learner)
    assert watched.dialogs == [] and seen == []
