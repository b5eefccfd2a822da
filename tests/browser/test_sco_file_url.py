"""The assembled runtime from disk: an unzipped SCORM package and a cmi5 package open from file:// in Chromium,
load their launch script and nothing from the network, run standalone (no LMS, no cmi5 launch), and load the
pages' script from disk when the first page other than the overview shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from zhineng.cmi5_export.package import build_cmi5
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course
from zhineng.scorm_export.package import build_packages

from zhineng.files import OutFile

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "course_small"


@pytest.fixture(scope="module")
def small() -> Course:
    return load_course([SMALL])


def unpack(files: list[OutFile], folder: Path) -> None:
    for f in files:
        target = folder / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f.data)


@pytest.mark.parametrize("channel", ["scorm2004", "cmi5"])
def test_a_package_plays_from_disk_with_its_launch_script_then_its_pages_script(
    channel: str, small: Course, browser: Any, tmp_path: Path
) -> None:
    if channel == "cmi5":
        [(_name, files)] = build_cmi5(small)
        launch = tmp_path / "au" / "M1" / "index.html"
    else:
        [(_name, files)] = build_packages(small, channel, layout="per-module", modules=["M1"])
        launch = tmp_path / "sco" / "M1" / "index.html"
    unpack(files, tmp_path)
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(launch.as_uri())
    page.locator("html[data-ready=true]").wait_for()
    assert page.locator("[data-banner=standalone]").is_visible()
    assert page.locator("main").inner_text().strip()  # the first page's text is on screen
    shared = (tmp_path / "shared").as_uri()
    expected = [
        launch.as_uri(),
        f"{shared}/zhineng.css",
        launch.with_name("data.js").as_uri(),
        f"{shared}/zhineng.js",
    ]
    if channel == "cmi5":
        expected.append(
            f"{shared}/zhineng-lms.js"
        )  # no cmi5 launch: the SCORM adapter keeps the work locally
    assert sorted(requests) == sorted(expected)  # the preload scanner may ask in any order
    assert errors == []
    has_xapi = page.evaluate("typeof window.Zhineng.XapiAdapter === 'function'")
    assert has_xapi == (channel == "cmi5")  # the SCORM script carries no xAPI code
    # The overview shows without the pages' script; the next page brings it, once, from beside the launch script.
    assert page.evaluate("typeof window.Zhineng.questionView") == "undefined"
    page.locator("[data-action=next]").click()
    page.locator("main[data-page]:not([data-page=overview]) h2").first.wait_for()
    page.locator("[data-action=previous]").click()
    page.locator("[data-action=next]").click()
    page.locator("main[data-page]:not([data-page=overview]) h2").first.wait_for()
    assert sorted(requests) == sorted([*expected, f"{shared}/zhineng-pages.js"])
    assert errors == []
    page.close()


def test_a_missing_pages_script_is_said_and_the_overview_stays(
    small: Course, browser: Any, tmp_path: Path
) -> None:
    [(_name, files)] = build_packages(small, "scorm2004", layout="per-module", modules=["M1"])
    unpack(files, tmp_path)
    (tmp_path / "shared" / "zhineng-pages.js").unlink()
    page = browser.new_page()
    page.goto((tmp_path / "sco" / "M1" / "index.html").as_uri())
    page.locator("html[data-ready=true]").wait_for()
    page.locator("[data-action=next]").click()
    page.locator("[data-notice=part-failed]").wait_for()
    assert page.locator("main").get_attribute("data-page") == "overview"
    page.close()
