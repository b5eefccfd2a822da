"""SCO runtime numbers: what a launch loads, how soon its first text shows, time to first interactive in
Chromium, and LMS calls per answer.

    python bench/bench_runtime.py [--runs N] [--modules ID ...] [--weight]

"Launch weight" is what a launch loads of the runtime: the launch script and stylesheet of each channel
(shared/zhineng.js + zhineng.css), beside the target of 80 KB (80,000 bytes); each SCO's data.js is its content
and is shown apart. Each later script is shown on its own line, and when it loads (LATER_SCRIPTS in
scorm_export/runtime_files.py): the pages' script (shared/zhineng-pages.js: question types, the activity,
reflection, task and progress pages) the first time a page other than the overview shows, or at launch when a
saved attempt resumes; cmi5's zhineng-lms.js (the SCORM adapter and the standalone stand-in) only outside a cmi5
launch. "First text visible"
is the frame's first contentful paint for the SCO and for a static page holding the same text (the SCO's own
page once rendered, scripts removed, same stylesheet), both opened in the same wrapper; the target is a ratio of
at most 1.5. The SCO's launch page holds the module's title, so its first paint may be that title alone:
"largest text" (largest contentful paint) is printed beside it, the time the first page's own text shows. "First interactive" is navigation start to the moment the player marks <html data-ready> (its
controls are live); "LMS calls per answered question" counts every API call the SCO makes from one submit to the
next. Each built-in module is opened in the scorm-again wrapper (tests/browser/wrapper.html). Medians of --runs
launches. Numbers only: nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import re
import statistics
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The browser helpers import tests/ modules (patience) too.
sys.path[:0] = [str(ROOT / "tests" / "browser"), str(ROOT / "tests")]

from conftest import ARGS, CHROMIUM  # noqa: E402
from learner import Learner  # noqa: E402
from sco_site import build_site  # noqa: E402
from zhineng.modules.loader import load_course  # noqa: E402
from zhineng.scorm_export.runtime_files import (  # noqa: E402
    CHANNELS,
    LATER_SCRIPTS,
    SCRIPT,
    STYLESHEET,
    load_runtime,
)

LAUNCH_TARGET_BYTES = 80_000
FIRST_TEXT_TARGET = 1.5
# The SCO's rendered page without its scripts: the same text under the same stylesheet, as a plain page.
SNAPSHOT = """() => {
  const html = document.documentElement.cloneNode(true);
  html.querySelectorAll("script").forEach((s) => s.remove());
  return "<!DOCTYPE html>\\n" + html.outerHTML;
}"""
FCP = "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime"
# The largest text painted so far: for the SCO the first page's own text as the player draws it (its first paint
# may be only the launch page's title), for the static page the same text.
LCP = """() => new Promise((resolve) => new PerformanceObserver((list) => {
  const entries = list.getEntries();
  resolve(entries[entries.length - 1].startTime);
}).observe({type: "largest-contentful-paint", buffered: true}))"""


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


def first_text_ms(browser: Any, url: str) -> tuple[float, float]:
    """The frame's first contentful paint and its largest contentful paint so far, from its own navigation
    start."""
    page = browser.new_page()
    page.goto(url)
    page.frame_locator("#sco").locator("html[data-ready=true]").wait_for()
    sco = page.main_frame.child_frames[0]
    sco.wait_for_function(f"{FCP} !== undefined")
    first = sco.evaluate(FCP)
    page.wait_for_timeout(100)  # a frame or two, for the page's own text to be painted and reported
    largest = sco.evaluate(LCP)
    page.close()
    return float(first), float(largest)


def static_twin(browser: Any, url: str, sco_path: Path) -> str:
    """Write the SCO's rendered page, scripts removed, beside its index.html; return its name."""
    page = browser.new_page()
    page.goto(url)
    page.frame_locator("#sco").locator("html[data-ready=true]").wait_for()
    html = page.main_frame.child_frames[0].evaluate(SNAPSHOT)
    page.close()
    twin = sco_path.with_name("static.html")
    twin.write_text(html, encoding="utf-8")
    return twin.name


def launch_weight(course: Any) -> None:
    """Bytes a launch loads besides data.js, against the target; gzip (level 9) for what a compressing server
    sends, and the heaviest modules of each script (their stripped bytes), for where to look next."""
    print(
        f"{'launch weight':22} {'bytes':>8} {'target':>8} {'ratio':>6} {'gzip':>7}  heaviest modules (bytes)"
    )
    for channel in CHANNELS:
        shared = load_runtime(channel).shared
        launch = {name: shared[name] for name in (SCRIPT, STYLESHEET)}
        size = sum(len(data) for data in launch.values())
        packed = sum(len(gzip.compress(data, 9, mtime=0)) for data in launch.values())
        print(
            f"{channel + ' JS + CSS':22} {size:8,} {LAUNCH_TARGET_BYTES:8,} {size / LAUNCH_TARGET_BYTES:6.2f} "
            f"{packed:7,}  {heaviest(shared[SCRIPT])}"
        )
        for name in LATER_SCRIPTS:
            if name in shared:
                later = shared[name]
                packed = len(gzip.compress(later, 9, mtime=0))
                print(f"{'  + ' + name:22} {len(later):8,} {'':8} {'':6} {packed:7,}  {heaviest(later)}")
    print("later scripts load:")
    for name, when in LATER_SCRIPTS.items():
        print(f"  {name}: {when}")


def heaviest(script: bytes) -> str:
    parts = re.split(r"^// ([a-z0-9-]+\.js)\n", script.decode(), flags=re.M)[1:]
    weights = sorted(
        ((len(body.encode()), name) for name, body in zip(parts[::2], parts[1::2], strict=True)), reverse=True
    )
    return ", ".join(f"{name} {n:,}" for n, name in weights[:4])


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
    parser.add_argument("--modules", nargs="*", metavar="ID", help="only these modules (default: all)")
    parser.add_argument(
        "--weight",
        action="store_true",
        help="only the launch weights (no browser: bytes do not depend on load)",
    )
    args = parser.parse_args()
    runs = args.runs
    course = load_course()
    launch_weight(course)
    if args.weight:
        return 0
    if not CHROMIUM.exists():
        print(f"needs Chromium at {CHROMIUM} for the timings", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        print()
        print(
            f"{'module':8} {'version':10} {'data.js':>8} {'first text SCO/static ms':>25} {'ratio':>6} "
            f"{'target':>6} {'first interactive ms':>21} {'LMS calls / answer':>19}   "
            f"{'largest text SCO/static ms, ratio':>33}"
        )
        ratios = []
        page_ratios = []
        for module in course.modules:
            if args.modules and module.id not in args.modules:
                continue
            for version in ("scorm12", "scorm2004"):
                site = Path(tmp) / f"{module.id}-{version}"
                sco, payload = build_site(site, course, module, version)
                base = serve(site)
                url = f"{base}/wrapper.html?v={version}&sco={sco}"
                twin = static_twin(browser, url, site / sco)
                twin_url = f"{base}/wrapper.html?v={version}&sco={Path(sco).with_name(twin).as_posix()}"
                data_js = (site / sco).with_name("data.js").stat().st_size
                sco_runs = [first_text_ms(browser, url) for _ in range(runs)]
                static_runs = [first_text_ms(browser, twin_url) for _ in range(runs)]
                sco_text = statistics.median(r[0] for r in sco_runs)
                static_text = statistics.median(r[0] for r in static_runs)
                sco_page = statistics.median(r[1] for r in sco_runs)
                static_page = statistics.median(r[1] for r in static_runs)
                ratios.append(sco_text / static_text)
                page_ratios.append(sco_page / static_page)
                times = [first_interactive_ms(browser, url) for _ in range(runs)]
                calls = calls_per_answer(browser, url, payload)
                print(
                    f"{module.id:8} {version:10} {data_js:8,} {sco_text:12.0f} /{static_text:11.0f} "
                    f"{sco_text / static_text:6.2f} {FIRST_TEXT_TARGET:6.1f} {statistics.median(times):21.0f} "
                    f"{calls:19.1f}   {sco_page:6.0f} /{static_page:6.0f} {sco_page / static_page:6.2f}"
                )
        browser.close()
    print(
        f"\nfirst text visible, median ratio over modules and versions: {statistics.median(ratios):.2f} "
        f"(target {FIRST_TEXT_TARGET})\nlargest text visible (the first page's own text), median ratio: "
        f"{statistics.median(page_ratios):.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
