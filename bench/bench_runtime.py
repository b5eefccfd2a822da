"""SCO runtime numbers: time from launch to first interactive in Chromium, and LMS calls per answer.

    python bench/bench_runtime.py [--runs N]

Each built-in module is opened in the scorm-again wrapper (tests/browser/wrapper.html) for both SCORM versions.
"First interactive" is navigation start to the moment the player marks <html data-ready> (its controls are
live); "LMS calls per answered question" counts every API call the SCO makes from one submit to the next.
Numbers only: nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from conftest import ARGS, CHROMIUM  # noqa: E402
from learner import Learner  # noqa: E402
from sco_site import build_site  # noqa: E402
from zhineng.modules.loader import load_course  # noqa: E402


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def serve(folder: Path) -> str:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def first_interactive_ms(browser: Any, url: str) -> float:
    page = browser.new_page()
    page.goto(url)
    frame = page.frame_locator("#sco")
    frame.locator("html[data-ready=true]").wait_for()
    sco = page.main_frame.child_frames[0]
    ms = sco.evaluate("performance.now()")  # the frame's clock starts at its own navigation
    page.close()
    return float(ms)


def calls_per_answer(browser: Any, url: str, payload: dict[str, Any]) -> float:
    page = browser.new_page()
    page.goto(url)
    learner = Learner(page, payload).ready()
    first = payload["objectives"]["activities"][0]
    questions = [q for q in payload["questions"] if q["activity"] == first]
    learner.goto(first)
    before = len(learner.lms("calls"))
    for q in questions:
        learner.answer(q)
    per = (len(learner.lms("calls")) - before) / max(1, len(questions))
    page.close()
    return per


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="launches per module and version (median shown)")
    runs = parser.parse_args().runs
    if not CHROMIUM.exists():
        print(f"needs Chromium at {CHROMIUM}", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    course = load_course()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        print(f"{'module':8} {'version':10} {'first interactive (median ms)':>30} {'LMS calls / answer':>20}")
        for module in course.modules:
            for version in ("scorm12", "scorm2004"):
                site = Path(tmp) / f"{module.id}-{version}"
                sco, payload = build_site(site, course, module, version)
                url = f"{serve(site)}/wrapper.html?v={version}&sco={sco}"
                times = [first_interactive_ms(browser, url) for _ in range(runs)]
                calls = calls_per_answer(browser, url, payload)
                print(f"{module.id:8} {version:10} {statistics.median(times):30.0f} {calls:20.1f}")
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
