"""CJK typography in the SCO: the Noto CJK face Linux installs draws the Chinese, a Latin face the digits, and a
lesson line holds about 36-40 CJK characters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from launch import launch
from zhineng.modules.course import Course


def _fonts_drawing(learner: Any, selector: str) -> dict[str, int]:
    """The platform fonts Chromium used for the first text node under `selector` in the SCO: family -> glyphs."""
    cdp = learner.page.context.new_cdp_session(learner.page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
    frame_doc = _find(root, lambda n: n.get("nodeName") == "IFRAME")["contentDocument"]
    node = cdp.send("DOM.querySelector", {"nodeId": frame_doc["nodeId"], "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return {f["familyName"]: f["glyphCount"] for f in fonts}


def _find(node: dict[str, Any], match: Any) -> dict[str, Any]:
    if match(node):
        return node
    for child in node.get("children", []):
        try:
            return _find(child, match)
        except LookupError:
            continue
    raise LookupError("no such node")


def test_cjk_uses_noto_cjk_and_digits_a_latin_face(
    builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T1", "scorm12")
    learner.goto(learner.payload["objectives"]["activities"][0])
    frame = learner.page.main_frame.child_frames[0]
    frame.evaluate("document.fonts.ready")
    frame.evaluate(
        """() => { const p = document.createElement('p'); p.id = 'probe'; p.textContent = '營收成長 2026 年 35%';
                   document.querySelector('main').appendChild(p); }"""
    )
    fonts = _fonts_drawing(learner, "#probe")
    assert fonts.get("Noto Sans CJK TC", 0) >= 5  # 營收成長 and 年, never DejaVu or a JP/SC cut
    latin = {name for name in fonts if name != "Noto Sans CJK TC"}
    assert latin and latin <= {"Arial", "Liberation Sans"}, fonts
    assert "DejaVu Sans" not in fonts


def test_a_lesson_line_holds_36_to_40_cjk_characters(
    builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T1", "scorm12")
    learner.page.set_viewport_size({"width": 1280, "height": 800})
    learner.goto(learner.payload["objectives"]["activities"][0])
    frame = learner.page.main_frame.child_frames[0]
    per_line = frame.evaluate(
        """() => { const p = document.querySelector('.lesson > div > p');
                   return p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize); }"""
    )
    assert 36 <= per_line <= 40
