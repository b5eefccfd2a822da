"""Report numbers for issue 6: time and peak memory of `zhineng report` on N synthetic learners x the full course.

Run: python bench/bench_report.py [--learners 10000] [--small 1000]. Prints only; no timed test asserts these.
Each size runs in its own process, so the peak RSS (resource.getrusage) is that run's. Every learner has a
SCORM 2004 attempt per module (all questions, K/activity objectives, reflections in suspend_data); every fifth
also sends xAPI answers. Timed: the readers (on parsed JSON; file reading and json.loads are not included),
build_report, and the three renderers. Goal: < 10 s and < 1 GB for 10,000 learners, linear in learners.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

from zhineng.modules.course import Course
from zhineng.modules.loader import load_course
from zhineng.reports.build import build_report
from zhineng.reports.catalog import Catalog
from zhineng.reports.gc_pause import gc_paused
from zhineng.reports.read_scorm import read_cmi
from zhineng.reports.read_xapi import read_statements
from zhineng.reports.records import Record
from zhineng.reports.render_csv import report_csv
from zhineng.reports.render_html import report_html
from zhineng.reports.render_json import report_json
from zhineng.reports.suspend import fnv6
from zhineng.reports.xapi_ids import ITEM_EXTENSION

GOAL_S = 10.0
GOAL_MB = 1024.0


def _attempt(
    course: Course, catalog: Catalog, learner: str, module_id: str, rng: random.Random
) -> dict[str, Any]:
    m = course.module(module_id)
    cmi: dict[str, Any] = {"cmi.learner_id": learner}
    correct: dict[str, bool] = {}
    for i, q in enumerate(m.questions):
        ok = rng.random() < 0.75
        correct[q.id] = ok
        base = f"cmi.interactions.{i}."
        cmi[base + "id"] = q.id
        cmi[base + "timestamp"] = f"2026-11-{1 + i % 28:02d}T10:00:00.0Z"
        cmi[base + "result"] = "correct" if ok else "incorrect"
        for j, k in enumerate(q.knowledge):
            cmi[f"{base}objectives.{j}.id"] = k
    slots = 0
    for k in sorted({k for q in m.questions for k in q.knowledge}):
        mine = [q for q in m.questions if k in q.knowledge]
        ratio = sum(q.points for q in mine if correct[q.id]) / sum(q.points for q in mine)
        base = f"cmi.objectives.{slots}."
        cmi[base + "id"] = k
        cmi[base + "success_status"] = "passed" if ratio >= 0.8 else "failed"
        cmi[base + "score.scaled"] = str(round(ratio, 4))
        slots += 1
    for a in catalog.module_activities(m.id):
        cmi[f"cmi.objectives.{slots}.id"] = a
        cmi[f"cmi.objectives.{slots}.completion_status"] = "completed"
        slots += 1
    text = "上線前逐項檢查價格、連結與庫存，再請同事覆核。"
    refl = "".join(f"{fnv6(r.id)}s{rng.randint(1, 5)}{len(text):x}:{text}" for r in m.reflections)
    cmi["cmi.suspend_data"] = f"Z1:h:0:f:0:{len(m.reflections):x}:{refl}"
    return cmi


def _statements(course: Course, learner: str, rng: random.Random) -> Iterator[tuple[int, Any]]:
    for n, (_m, q) in enumerate(course.questions(), start=1):
        yield (
            n,
            {
                "actor": {"account": {"homePage": "https://lms.example", "name": learner}},
                "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
                "object": {"id": f"https://zhineng.example/q/{q.id}"},
                "result": {"success": rng.random() < 0.8, "extensions": {ITEM_EXTENSION: list(q.knowledge)}},
                "timestamp": "2026-11-30T10:00:00Z",
            },
        )


def child(learners: int) -> None:
    with gc_paused():  # as run_report does
        _child(learners)


def _child(learners: int) -> None:
    course = load_course()
    catalog = Catalog(course)
    rng = random.Random(6)
    records: list[Record] = []
    read_s = 0.0  # the readers only: making up the inputs is not the report's cost
    for i in range(learners):
        learner = f"learner{i:05d}"
        attempts = [_attempt(course, catalog, learner, m.id, rng) for m in course.modules]
        statements = list(_statements(course, learner, rng)) if i % 5 == 0 else []
        start = time.perf_counter()
        for m, cmi in zip(course.modules, attempts, strict=True):
            records += read_cmi(cmi, f"{learner}-{m.id}.json", catalog)[0]
        if statements:
            records += read_statements(statements, "lrs", catalog)[0]
        read_s += time.perf_counter() - start
    start = time.perf_counter()
    report = build_report(course, records, (), catalog)
    build_s = time.perf_counter() - start
    sizes = [len(report_html(report)), len(report_json(report)), len(report_csv(report))]
    render_s = time.perf_counter() - start - build_s
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"learners": learners, "records": len(records), "read": read_s, "build": build_s,
                      "render": render_s, "peak_mb": peak_mb, "bytes": sizes}))  # fmt: skip


def run(learners: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(learners)], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000, help="the size the linearity check compares with")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    results = [run(args.small), run(args.learners)]
    for r in results:
        total = r["read"] + r["build"] + r["render"]
        print(
            f"{r['learners']:>6} learners, {r['records']:>9,} records: read {r['read']:6.2f} s  build {r['build']:6.2f} s"
            f"  render {r['render']:6.2f} s  total {total:6.2f} s  peak {r['peak_mb']:7.1f} MB"
            f"  (html {r['bytes'][0] / 1e6:.1f} MB)"
        )
    small, big = results
    total = big["read"] + big["build"] + big["render"]
    print(f"time vs goal ({GOAL_S:.0f} s):   {total / GOAL_S:5.2f}x  {'ok' if total < GOAL_S else 'OVER'}")
    print(
        f"memory vs goal ({GOAL_MB:.0f} MB): {big['peak_mb'] / GOAL_MB:5.2f}x  {'ok' if big['peak_mb'] < GOAL_MB else 'OVER'}"
    )
    scale = big["learners"] / small["learners"]
    t_small = small["read"] + small["build"] + small["render"]
    print(f"linearity: {scale:.0f}x learners -> {total / t_small:.1f}x time (linear = {scale:.0f}x)")
    stages = ", ".join(f"{s} {big[s] / small[s]:.1f}x" for s in ("read", "build", "render") if small[s])
    print(f"  per stage: {stages}; memory {big['peak_mb'] / small['peak_mb']:.1f}x")


if __name__ == "__main__":
    main()
