"""Report numbers: time and peak memory of `zhineng report` on N synthetic learners x the full course.

Run: python bench/bench_report.py [--learners 10000] [--small 1000] [--jobs N] [--runs 3]. Prints only; no
timed test asserts these. Every learner has a SCORM 2004 attempt per module (all questions, K/activity
objectives, reflections in suspend_data), one JSON file each, as an LMS export gives them; every fifth learner
also sends xAPI answers (NDJSON files of 25,000 statements). An attempt holds the elements the report reads (an
interaction's id, timestamp, result and objectives), not the ones it skips (type, weighting, learner_response,
latency), which a real SCO also writes. Writing the files is not timed, nor is putting them on disk.

Headline: the command itself, `zhineng report FOLDER --out DIR`, in a fresh process: wall time from start to
exit (interpreter start, reading, parsing, building, rendering, writing; the largest size's median of --runs),
its CPU time and the CPUs' load average beside them, and the peak memory of its process tree (proportional set
size summed over the main process and its forked workers, sampled every 50 ms in a second, untimed run, so
shared pages count once). Goal: <= 10 s and <= 600 MB for 10,000 learners on 2 CPUs, linear.

Then, where the time goes: the same pipeline in one process on already-parsed inputs (readers, build_report,
the three renderers), each timed on its own in CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from zhineng.modules.course import Course
from zhineng.modules.loader import load_course
from zhineng.quizzes.mastery import reaches
from zhineng.reports.build import build_report
from zhineng.reports.catalog import Catalog
from zhineng.reports.read_scorm import read_cmi
from zhineng.reports.read_xapi import read_statements
from zhineng.reports.records import Record
from zhineng.reports.render_csv import report_csv
from zhineng.reports.render_html import report_html
from zhineng.reports.render_json import report_json
from zhineng.reports.xapi_ids import ITEM_EXTENSION
from zhineng.scorm_export.saved_state import SavedReflection, SavedState, encode, fnv6

from zhineng.cpus import usable_cpus
from zhineng.gc_pause import gc_paused

GOAL_S = 10.0
GOAL_MB = 600.0


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
        earned = sum(q.points for q in mine if correct[q.id])
        available = sum(q.points for q in mine)
        ratio = earned / available
        base = f"cmi.objectives.{slots}."
        cmi[base + "id"] = k
        passed = reaches(earned, available, m.mastery.threshold_for(k))  # as the SCO decides
        cmi[base + "success_status"] = "passed" if passed else "failed"
        cmi[base + "score.scaled"] = str(round(ratio, 4))
        slots += 1
    for a in catalog.module_activities(m.id):
        cmi[f"cmi.objectives.{slots}.id"] = a
        cmi[f"cmi.objectives.{slots}.completion_status"] = "completed"
        slots += 1
    text = "上線前逐項檢查價格、連結與庫存，再請同事覆核。"
    saved = {fnv6(r.id): SavedReflection(True, rng.randint(1, 5), text) for r in m.reflections}
    cmi["cmi.suspend_data"] = encode(SavedState("h", reflections=saved))
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
    # CPU time of this one process: what the stages cost, however busy the machine is
    for i in range(learners):
        learner = f"learner{i:05d}"
        attempts = [_attempt(course, catalog, learner, m.id, rng) for m in course.modules]
        statements = list(_statements(course, learner, rng)) if i % 5 == 0 else []
        start = time.process_time()
        for m, cmi in zip(course.modules, attempts, strict=True):
            records += read_cmi(cmi, f"{learner}-{m.id}.json", catalog)[0]
        if statements:
            records += read_statements(statements, "lrs", catalog)[0]
        read_s += time.process_time() - start
    start = time.process_time()
    report = build_report(course, records, (), catalog)
    build_s = time.process_time() - start
    sizes = [len(report_html(report)), len(report_json(report)), len(report_csv(report))]
    render_s = time.process_time() - start - build_s
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"learners": learners, "records": len(records), "read": read_s, "build": build_s,
                      "render": render_s, "peak_mb": peak_mb, "bytes": sizes}))  # fmt: skip


def stages(learners: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(learners)], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def write_inputs(learners: int, folder: str) -> int:
    """The tracking files an admin would export: one CMI JSON per SCO attempt, xAPI as NDJSON batches."""
    course = load_course()
    catalog = Catalog(course)
    rng = random.Random(6)
    os.makedirs(os.path.join(folder, "scorm"))
    os.makedirs(os.path.join(folder, "xapi"))
    batch: list[str] = []
    size = 0
    for i in range(learners):
        learner = f"learner{i:05d}"
        for m in course.modules:
            text = json.dumps(_attempt(course, catalog, learner, m.id, rng), ensure_ascii=False)
            size += _write(os.path.join(folder, "scorm", f"{learner}-{m.id}.json"), text)
        if i % 5 == 0:
            batch += [json.dumps(s, ensure_ascii=False) for _n, s in _statements(course, learner, rng)]
        if batch and (len(batch) >= 25_000 or i == learners - 1):
            size += _write(
                os.path.join(folder, "xapi", f"statements-{i:05d}.ndjson"), "\n".join(batch) + "\n"
            )
            batch = []
    return size


def _write(path: str, text: str) -> int:
    data = text.encode("utf-8")
    with open(path, "wb") as handle:
        handle.write(data)
    return len(data)


def _tree_pss_mb(pid: int) -> float:
    """Proportional set size of a process and its descendants, from /proc (Linux): pages shared between the
    main process and its forked workers are divided among them, so the sum is the memory the tree uses."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup", encoding="ascii") as rollup:
                total += next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as children:
                    todo += [int(c) for c in children.read().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue  # it ended between two reads
    return total / 1024


def command(learners: int, jobs: int | None, runs: int = 1) -> dict[str, Any]:
    """Write the inputs, then run `zhineng report` on them in fresh processes: `runs` times timed (the run of
    median wall time is kept, with its CPU and the load around it), then once with its memory sampled (reading
    /proc costs CPU, which would slow a timed run)."""
    work = tempfile.mkdtemp(prefix="zhineng-bench-")
    try:
        inputs, out = os.path.join(work, "inputs"), os.path.join(work, "out")
        size = write_inputs(learners, inputs)
        # The inputs go to disk before the clock starts: otherwise the kernel writes the 550 MB just made back
        # while the command reads them, and the timed run pays for writing its inputs after all.
        if hasattr(os, "sync"):
            os.sync()
        argv = [sys.executable, "-m", "zhineng", "report", inputs, "--out", out]
        argv += ["--jobs", str(jobs)] if jobs else []
        timed = sorted((_timed(argv) for _ in range(runs)), key=lambda t: t["wall"])
        peak = [0.0]
        _run(argv, sample=lambda pid: peak.__setitem__(0, max(peak[0], _tree_pss_mb(pid))))
        files = sum(len(names) for _root, _dirs, names in os.walk(inputs))
        return {
            "learners": learners,
            "files": files,
            "mb_in": size / 1e6,
            "runs": runs,
            "peak_mb": peak[0],
        } | (timed[len(timed) // 2])
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _timed(argv: list[str]) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    _run(argv, sample=None)
    wall = time.perf_counter() - start
    load_after = os.getloadavg()[0]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU of the command and the processes it forks to read, build and write (waited-for children), beside the
    # wall time it took
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "load": load, "load_after": load_after}


def _run(argv: list[str], sample: Callable[[int], None] | None) -> None:
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def sampler() -> None:
        while proc.poll() is None:
            assert sample is not None
            sample(proc.pid)
            time.sleep(0.05)

    thread = threading.Thread(target=sampler, daemon=True) if sample else None
    if thread:
        thread.start()
    err = proc.communicate()[1]
    if thread:
        thread.join()
    if proc.returncode != 0:
        raise SystemExit(f"zhineng report failed ({proc.returncode}):\n{err}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000, help="the size the linearity check compares with")
    parser.add_argument("--jobs", type=int, help="passed to zhineng report (default: its own, one per CPU)")
    parser.add_argument(
        "--runs", type=int, default=3, help="timed runs of the largest size (the median is kept)"
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    print(f"zhineng report on synthetic learners ({os.cpu_count()} CPUs; python {sys.version.split()[0]})")
    fixed = command(10, args.jobs)  # start-up, loading the course, writing: what does not grow with learners
    runs = [fixed, command(args.small, args.jobs), command(args.learners, args.jobs, max(1, args.runs))]
    for r in runs:
        median = f", median of {r['runs']} runs" if r["runs"] > 1 else ""
        print(
            f"{r['learners']:>6} learners, {r['files']:>6} files, {r['mb_in']:6.0f} MB{median}: "
            f"wall {r['wall']:6.2f} s  CPU {r['cpu']:6.2f} s  peak {r['peak_mb']:7.1f} MB (process tree, PSS)"
            f"  load {r['load']:.1f} at start, {r['load_after']:.1f} at the end"
        )
    _fixed, small, big = runs
    cpus = usable_cpus()
    print(
        f"time vs goal ({GOAL_S:.0f} s):      wall {big['wall']:6.2f} s = {big['wall'] / GOAL_S:5.2f}x  "
        f"{'ok' if big['wall'] <= GOAL_S else 'OVER'}  (load {big['load']:.1f} at start, {big['load_after']:.1f} "
        f"at the end; CPU {big['cpu']:.2f} s, {big['cpu'] / cpus:.2f} s over {cpus} CPUs)"
    )
    print(
        f"memory vs goal ({GOAL_MB:.0f} MB): peak {big['peak_mb']:6.1f} MB = {big['peak_mb'] / GOAL_MB:5.2f}x  "
        f"{'ok' if big['peak_mb'] <= GOAL_MB else 'OVER'}"
    )
    scale = big["learners"] / small["learners"]
    grown = (big["wall"] - fixed["wall"]) / (small["wall"] - fixed["wall"])
    print(
        f"linearity: {scale:.0f}x learners -> {big['wall'] / small['wall']:.1f}x time; "
        f"{grown:.1f}x without the {fixed['wall']:.2f} s a 10-learner run takes (linear = {scale:.0f}x)"
    )

    cpu_grown = (big["cpu"] - fixed["cpu"]) / (small["cpu"] - fixed["cpu"])
    print(
        f"linearity by CPU: {cpu_grown:.1f}x without the 10-learner run's {fixed['cpu']:.2f} s (linear = {scale:.0f}x)"
    )

    print("\nwhere the time goes: one process, inputs already parsed (no files, no JSON parsing), CPU time")
    r = stages(args.learners)
    print(
        f"{r['learners']:>6} learners, {r['records']:>9,} records: read {r['read']:6.2f} s  build {r['build']:6.2f} s"
        f"  render {r['render']:6.2f} s  peak {r['peak_mb']:7.1f} MB  (html {r['bytes'][0] / 1e6:.1f} MB)"
    )


if __name__ == "__main__":
    main()
