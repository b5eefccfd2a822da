"""The three blocks in the xblock-sdk workbench at 1280x800 and on a 390x844 phone, fresh and answered: nothing of
ours wider than the screen, no table column squeezed to a character a line, 44 px tap targets on the phone (a
choice's whole row), and axe-core finds no violation of any impact in our blocks.

The workbench's own page is not ours (its scenario <pre> is thousands of pixels wide), so the checks look at the
blocks. Open edX's LMS puts a unit's title in an <h2> above its components (lms/templates/vert_module.html) and
the blocks title themselves <h3> under it; the workbench has no unit title, so the test adds that <h2> as the
LMS would, else axe's heading-order sees an <h1> followed by an <h3>."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .browser import AXE, CHROMIUM, BrowserThread

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the shared layout checks
from layout_checks import SIZES, axe_all, layout_problems  # noqa: E402

if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium", allow_module_level=True)
pytest.importorskip("workbench", reason="browser tests need the workbench: pip install 'xblock-sdk==0.14.0'")

from .test_xblock_workbench import olx_scenario, open_scenario  # noqa: E402
from .workbench import Workbench, start  # noqa: E402

OURS = ".zhineng"
# The three blocks alone, together, and module T2 whole (a question whose prompt holds a table).
SCENARIOS = [
    "zhineng_quiz.0",
    "zhineng_quiz.1",
    "zhineng_reflection.0",
    "zhineng_progress.0",
    "zhineng_progress.2",
]
UNIT_TITLE = """() => document.querySelector('.xblock-v1').insertAdjacentHTML(
    'beforebegin', '<h2 class="hd hd-2 unit-title">Unit</h2>')"""
# Some answer in every question (first choice, first option, "1"), so the verdicts and feedback show too.
ANSWER_ALL = """() => {
  for (const q of document.querySelectorAll('.zhineng-question')) {
    const pick = q.querySelector('input[type=radio], input[type=checkbox]');
    if (pick) pick.checked = true;
    for (const box of q.querySelectorAll('input[type=text]')) box.value = '1';
    for (const s of q.querySelectorAll('select')) s.selectedIndex = 1;
  }
  for (const text of document.querySelectorAll('.zhineng-reflection-text')) {
    text.value = '我會把目標拆成每週可檢查的數字，並和主管確認資源。'.repeat(8);
  }
  for (const rating of document.querySelectorAll('.zhineng-rating')) rating.querySelector('input').checked = true;
}"""


@pytest.fixture(scope="module")
def workbench() -> Iterator[Workbench]:
    wb = start(olx_scenario())
    yield wb
    wb.stop()


def check(page: Any, size: str, name: str, folder: Path) -> dict[str, list[Any]]:
    page.evaluate("document.fonts.ready")
    blocks = page.locator(OURS)
    for i in range(blocks.count()):
        blocks.nth(i).screenshot(path=str(folder / f"{size}-{name}-{i}.png"))
    found = {"layout": layout_problems(page, size == "phone", OURS), "axe": axe_all(page, AXE, OURS)}
    return {k: v for k, v in found.items() if v}


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("size", SIZES)
def test_blocks_fit_every_screen(
    workbench: Workbench, browser: BrowserThread, size: str, scenario: str, tmp_path: Path
) -> None:
    def steps(page: Any) -> dict[str, dict[str, list[Any]]]:
        page.set_viewport_size(SIZES[size])
        open_scenario(page, workbench, scenario, f"layout-{size}")
        page.evaluate(UNIT_TITLE)
        found = {"fresh": check(page, size, f"{scenario}-fresh", tmp_path)}
        page.evaluate(ANSWER_ALL)
        # One block at a time: a block's answer moves focus (and the page) to its status, which must not take
        # the next click.
        blocks = page.locator(".zhineng:has(.zhineng-submit)")
        for i in range(blocks.count()):
            blocks.nth(i).locator(".zhineng-submit").click()
            blocks.nth(i).locator(".zhineng-status:not(:empty)").wait_for()
        found["answered"] = check(page, size, f"{scenario}-answered", tmp_path)
        return {k: v for k, v in found.items() if v}

    assert browser.run(steps) == {}
