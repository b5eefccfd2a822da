"""The report page (the class view first, then the per-learner views) at 1280x800 and on a 390x844 phone, small
and large classes: nothing wider than the screen (tables scroll in their own named boxes), no column squeezed to
a character a line, 44 px tap targets on the phone, and axe-core finds no violation of any impact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from layout_checks import SIZES, axe_all, layout_problems
from report_support import COURSE, INPUTS, large_class
from sco_site import AXE
from zhineng.modules.loader import load_course
from zhineng.reports.render_html import report_html
from zhineng.reports.run import run_report


@pytest.mark.parametrize("learners", [6, 600], ids=["small", "large"])
@pytest.mark.parametrize("size", SIZES)
def test_the_report_fits_every_screen(size: str, learners: int, browser: Any, tmp_path: Path) -> None:
    report, _skipped = run_report(INPUTS, course=load_course([COURSE]))
    if learners > len(report.learners):
        report = large_class(report, learners)
    page_file = tmp_path / "report.html"
    page_file.write_text(report_html(report), encoding="utf-8")
    context = browser.new_context(offline=True, viewport=SIZES[size])
    page = context.new_page()
    page.goto(page_file.as_uri())
    page.evaluate("document.fonts.ready")
    # Both views are on the page: the class view, and the per-learner tables (each in a named scroll box).
    assert page.locator("section[aria-labelledby=class] .scroll[role=region][tabindex='0']").count() >= 5
    assert page.locator("section[aria-labelledby=knowledge] .scroll[role=region][aria-label]").count() >= 1
    page.screenshot(path=str(tmp_path / f"report-{size}.png"), full_page=True)
    found = {"layout": layout_problems(page, size == "phone"), "axe": axe_all(page, AXE)}
    context.close()
    assert {k: v for k, v in found.items() if v} == {}
