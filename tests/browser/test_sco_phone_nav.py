"""On a phone the SCO's page list folds behind one bar naming the current page (a disclosure button), so the page's
own content starts near the top; on a wide screen the list stays beside the content, as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from launch import launch
from layout_checks import PHONE, WIDE
from zhineng.modules.course import Course

TOGGLE = "[data-action=toggle-pages]"


def focused(learner: Any) -> str:
    frame = learner.page.main_frame.child_frames[0]
    return str(frame.evaluate("(document.activeElement.dataset.action || document.activeElement.tagName)"))


def test_on_a_phone_the_page_list_folds_behind_a_bar(
    builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T1", "scorm12")
    learner.page.set_viewport_size(PHONE)
    sco = learner.sco
    toggle = sco.locator(TOGGLE)
    pages = len(learner.payload["objectives"]["activities"]) + len(learner.payload["tasks"]) + 2
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.get_attribute("aria-controls") == "page-list"
    assert sco.locator("#page-list").is_hidden()
    assert toggle.inner_text().split() == ["頁面", f"1/{pages}", "課程總覽"]
    # The heading starts within the first screen's top third (it was below a 430 px list).
    assert sco.locator("main h1").bounding_box()["y"] < 844 / 3

    # Keyboard only: the bar opens the list, a page is picked, the list folds and focus is on its heading.
    toggle.focus()
    learner.page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert sco.locator("#page-list").is_visible()
    learner.page.keyboard.press("Tab")
    learner.page.keyboard.press("Tab")
    assert focused(learner) == "goto"
    learner.page.keyboard.press("Enter")
    first = learner.payload["objectives"]["activities"][0]
    sco.locator(f"main[data-page='{first}']").wait_for()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert focused(learner) == "H1"
    label = learner.payload["labels"][first]
    assert toggle.inner_text().split()[:3] == ["頁面", f"2/{pages}", label["label"]]

    # Escape folds the open list and gives focus back to the bar.
    toggle.click()
    sco.locator("#page-list button").first.focus()
    learner.page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert focused(learner) == "toggle-pages"
    # Every page-list row is a 44 px target once open.
    toggle.click()
    heights = sco.locator("#page-list button").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert min(heights) >= 44
    assert learner.errors == []


def test_on_a_wide_screen_the_list_stays_beside_the_content(
    builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T1", "scorm12")
    learner.page.set_viewport_size(WIDE)
    sco = learner.sco
    assert sco.locator(TOGGLE).is_hidden()
    learner.goto(learner.payload["objectives"]["activities"][0])
    assert sco.locator("#page-list").is_visible()
    nav = sco.locator("nav").bounding_box()
    main = sco.locator("main").bounding_box()
    assert nav["x"] + nav["width"] <= main["x"] and abs(nav["y"] - main["y"]) < 40  # side by side
