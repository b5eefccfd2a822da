"""XBlock numbers: student_view render time, and the submit handler's p50/p95 in the workbench.

Run: python bench/bench_xblocks.py [--renders N] [--submits N]. Prints only; no timed test asserts these.
The goal is < 20 ms p95 for the quiz's submit handler, measured as the HTTP round trip to the xblock-sdk
workbench on 127.0.0.1 (Django dev server, sqlite), so it includes the workbench's own storage cost.
Needs what the browser tests need: `pip install 'xblock-sdk==0.14.0' 'xblock[django]'`.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import re
import statistics
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from xblock_tests import conftest  # noqa: E402,F401 - configures Django templates and the entry points
from xblock_tests.harness import Harness  # noqa: E402
from xblock_tests.workbench import start  # noqa: E402
from zhineng.modules.loader import load_course  # noqa: E402
from zhineng.quizzes.model import Question  # noqa: E402
from zhineng.quizzes.types import TYPES  # noqa: E402
from zhineng.xblocks.scenarios import progress_scenarios, reflection_scenarios  # noqa: E402

GOAL_MS = 20.0


def right_answer(q: Question) -> Any:
    """The key as a learner would send it, for the bench's submissions."""
    return TYPES[q.type].right_response(q)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def bench_render(n: int) -> None:
    h = Harness()
    cases = {
        "quiz, one question": '<zhineng_quiz selection_kind="ids" selection="T1-Q006"/>',
        "quiz, activity T1.1": '<zhineng_quiz selection_kind="activity" selection="T1.1"/>',
        "quiz, module T1 (77 q)": '<zhineng_quiz selection_kind="module" selection="T1"/>',
        "reflection": reflection_scenarios()[0][1],
    }
    print(f"student_view, in process (test runtime, block.student_view only), {n} renders each: p50 / p95")
    for name, xml in cases.items():
        block = h.parse(xml)
        block.student_view({})  # warm: template and bank caches
        times = []
        for _ in range(n):
            t = time.perf_counter()
            block.student_view({})
            times.append((time.perf_counter() - t) * 1000)
        p50, p95 = percentiles(times)
        print(f"  {name:<26} {p50:7.2f} ms {p95:7.2f} ms")
    root = h.parse(progress_scenarios()[0][1])
    progress = h.runtime.get_block(root.children[-1])
    times = []
    for _ in range(n):
        t = time.perf_counter()
        progress.student_view({})
        times.append((time.perf_counter() - t) * 1000)
    p50, p95 = percentiles(times)
    print(f"  {'progress (3 blocks)':<26} {p50:7.2f} ms {p95:7.2f} ms")


def bench_submit_in_process(n: int, quiet: bool = False) -> tuple[float, float, float]:
    """The handler alone (test runtime, memory store): what our code costs, without the workbench's storage.
    Wall p50 and p95, and the p95 of the CPU the handler's thread spent (what a busy machine inflates least)."""
    h = Harness()
    block = h.parse('<zhineng_quiz selection_kind="activity" selection="T1.1" max_attempts="0"/>')
    body = {"answers": {q.id: right_answer(q) for q in block.questions()}}
    h.call(block, "submit", body)
    times = []
    cpu = []
    for _ in range(n):
        t, c = time.perf_counter(), time.thread_time()
        h.call(block, "submit", body)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
    p50, p95 = percentiles(times)
    cpu95 = percentiles(cpu)[1]
    if not quiet:
        print(f"submit handler, in process (test runtime), {n} submits: p50 / p95 wall, p95 CPU")
        print(f"  {'quiz, activity T1.1':<26} {p50:7.2f} ms {p95:7.2f} ms  CPU {cpu95:7.2f} ms")
    return p50, p95, cpu95


def bench_submit(n: int, quiet: bool = False) -> dict[str, tuple[float, float]]:
    course = load_course()
    keys = {q.id: q for _m, q in course.questions()}
    wb = start()
    try:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        timings: dict[str, list[float]] = {}
        for scenario, label in (
            ("zhineng_quiz.0", "quiz, 2 questions"),
            ("zhineng_quiz.1", "quiz, one activity"),
        ):
            page = opener.open(f"{wb.url}/scenario/{scenario}/?student=bench").read().decode()
            usage = re.search(r"data-usage='([^']+)' data-block-type='zhineng_quiz'", page)
            qids = re.findall(r'data-qid="([^"]+)"', page)
            assert usage and qids, "the quiz did not render"
            body = json.dumps({"answers": {qid: right_answer(keys[qid]) for qid in qids}}).encode()
            token = next((c.value for c in jar if c.name == "csrftoken"), "")
            times = []
            for i in range(n + 5):
                request = urllib.request.Request(
                    f"{wb.url}/handler/{usage.group(1)}/submit/?student=bench-{scenario}-{i}",
                    data=body,
                    headers={"Content-Type": "application/json", "X-CSRFToken": token},
                )
                t = time.perf_counter()
                with opener.open(request) as response:
                    assert response.status == 200
                    response.read()
                if i >= 5:  # the first few warm the server's caches
                    times.append((time.perf_counter() - t) * 1000)
            timings[f"{label} ({len(qids)} q)"] = times
        figures = {name: percentiles(times) for name, times in timings.items()}
        if not quiet:
            print(
                f"submit handler in the workbench (HTTP round trip, a new learner each time), {n} submits: p50 / p95"
            )
            for name, (p50, p95) in figures.items():
                verdict = "meets" if p95 < GOAL_MS else "misses"
                print(f"  {name:<26} {p50:7.2f} ms {p95:7.2f} ms   ({verdict} the {GOAL_MS:g} ms p95 goal)")
        return figures
    finally:
        wb.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--renders", type=int, default=200)
    parser.add_argument("--submits", type=int, default=200)
    args = parser.parse_args()
    bench_render(args.renders)
    bench_submit_in_process(args.submits)
    bench_submit(args.submits)


if __name__ == "__main__":
    main()
