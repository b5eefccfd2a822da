"""How fast the core feels: the command line on the built-in course, how validate and export scale with the
course, and what the blocks cost inside an LMS. Each figure is printed beside its target as a ratio
(figure / target; at most 1.00 meets it), with the machine's load average when it was measured.

Run: python bench/bench_core.py [--runs 7] [--scales 10,50] [--workbench]   (or `make bench`)
Prints only; no test asserts these. Targets assume a quiet 2-core machine: on a loaded one, read the CPU
column (time the command spent on a core), which load inflates less than wall time.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from scaled_course import write_scaled_course

# The installed command, as a user runs it (its entry-point script beside this interpreter).
_SCRIPT = Path(sys.executable).with_name("zhineng")
ZHINENG = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "zhineng"]
TESTS = Path(__file__).resolve().parent.parent / "tests"
# As an installed package runs: from compiled bytecode (a shell with PYTHONDONTWRITEBYTECODE set would
# otherwise compile every module from source on every run, about 0.1 s of start-up).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
TARGETS_S = {"--version": 0.1, "validate": 0.4, "export --all": 0.5}  # the command as users run it
SUBMIT_P95_MS = 20.0
BUILTIN_MODULES = 3


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:4.1f}/{five:4.1f}"


def timed(argv: Sequence[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of a command, in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def ratio_line(name: str, figure: float, target: float, unit: str, extra: str = "") -> str:
    verdict = "meets" if figure <= target else "misses"
    return f"  {name:<28} {figure:8.3f} {unit}  target {target:g} {unit}  ratio {figure / target:5.2f} ({verdict}){extra}"


def bench_commands(runs: int, out: Path) -> None:
    print(f"built-in course, a fresh `zhineng` process each run, median of {runs}: wall (and CPU)")
    print(
        "  (CPU counts the helper processes (validate and export parse the course in one while the models are"
        " imported; export builds the Open edX course in another) and export's deflating threads; a helper starts"
        " only when a CPU is idle; `--jobs 1` builds everything in one process, for comparison: it has no target of"
        " its own; each run writes into a new, empty folder: no cache)"
    )
    commands: dict[str, list[str]] = {
        "--version": ["--version"],
        "validate": ["validate"],
        "export --all": ["export", "--all"],
        "export --all --jobs 1": ["export", "--all", "--jobs", "1"],
    }
    for name, args in commands.items():
        exporting = args[0] == "export"

        def run(i: int, args: list[str] = args, exporting: bool = exporting) -> tuple[float, float]:
            return timed([*ZHINENG, *args, *(["--out", str(out / f"{len(args)}-{i}")] if exporting else [])])

        run(-1)  # warm the file cache and the .pyc files
        samples = [run(i) for i in range(runs)]
        wall = statistics.median(w for w, _ in samples)
        cpu = statistics.median(c for _, c in samples)
        extra = f"  CPU {cpu:.3f} s  {load()}"
        if name in TARGETS_S:
            print(ratio_line(f"zhineng {name}", wall, TARGETS_S[name], "s", extra))
        else:
            print(f"  {'zhineng ' + name:<28} {wall:8.3f} s  (one process, no target){extra}")


def bench_markdown() -> None:
    """Markdown renders in one `export --all --jobs 1`: each distinct text should render once. (With its helpers,
    export renders part of them in theirs, once each too: the CPU figure above counts their time.)"""
    from markdown_it import MarkdownIt

    from zhineng.cli import main

    rendered: list[str] = []
    render = MarkdownIt.render

    def counting(self: MarkdownIt, text: str, env: object = None) -> str:
        rendered.append(text)
        return render(self, text, env)

    MarkdownIt.render = counting  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory(prefix="zhineng-bench-") as out:
            _quietly(lambda: main(["export", "--all", "--jobs", "1", "--out", out]))
    finally:
        MarkdownIt.render = render  # type: ignore[method-assign]
    distinct = len(set(rendered))
    print("Markdown renders in one `export --all --jobs 1` (in process)")
    print(
        ratio_line(
            "renders per distinct text",
            len(rendered) / distinct,
            1.0,
            "x",
            f"  ({len(rendered)} of {distinct})",
        )
    )


def _quietly(call: Callable[[], object]) -> None:
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        call()


def bench_scaling(scales: list[int], work: Path) -> None:
    """CPU per module of validate and export --all on courses N times the built-in one; linear keeps it flat."""
    print(
        "generated courses (N copies of the built-in modules), one run each, in one process (`--jobs 1`: a"
        " helper, which starts only when a CPU is idle, would add its own time to the CPU): CPU per module, wall"
    )
    per_module: dict[str, dict[int, float]] = {"validate": {}, "export --all": {}}
    for n in scales:
        folder = work / f"course-x{n}"
        write_scaled_course(folder, n)
        modules = n * BUILTIN_MODULES
        for name, args in (
            ("validate", ["validate", "--jobs", "1", str(folder)]),
            (
                "export --all",
                [
                    "export",
                    "--all",
                    "--jobs",
                    "1",
                    "--course",
                    str(folder),
                    "--out",
                    str(work / f"dist-x{n}"),
                ],
            ),
        ):
            wall, cpu = timed([*ZHINENG, *args])
            per_module[name][n] = cpu / modules
            print(
                f"  {name:<13} x{n:<3} ({modules:4d} modules)  CPU {cpu:7.2f} s  "
                f"{cpu / modules * 1000:6.1f} ms/module  wall {wall:7.2f} s  {load()}"
            )
        shutil.rmtree(folder)
        shutil.rmtree(work / f"dist-x{n}", ignore_errors=True)
    small, large = min(scales), max(scales)
    if small != large:
        print(f"  linear: CPU per module at x{large} over x{small} (a fixed start-up cost only lowers it)")
        for name, costs in per_module.items():
            print(ratio_line(name, costs[large] / costs[small], 1.0, "x"))


FIRST_RENDER = """
import sys, time
sys.path.insert(0, sys.argv[1])
from xblock_tests import conftest  # noqa: F401 - Django templates and the entry points
from xblock_tests.harness import Harness
import zhineng.xblocks.quiz  # noqa: F401 - imported when the LMS loads its entry points, not on a render
h = Harness()
start = time.perf_counter()
h.html(h.parse('<zhineng_quiz selection_kind="module" selection="T1"/>'))
print((time.perf_counter() - start) * 1000)
"""


def bench_blocks(submits: int, workbench: bool) -> None:
    sys.path.insert(0, str(TESTS))
    from bench_xblocks import bench_submit, bench_submit_in_process

    p50, p95, cpu95 = bench_submit_in_process(submits, quiet=True)
    print(f"blocks, in the LMS process (XBlock test runtime, memory store), {submits} submits")
    print(
        ratio_line(
            "quiz submit handler p95",
            p95,
            SUBMIT_P95_MS,
            "ms",
            f"  p50 {p50:.2f} ms  CPU p95 {cpu95:.2f} ms  {load()}",
        )
    )
    first = subprocess.run(
        [sys.executable, "-c", FIRST_RENDER, str(TESTS)], check=True, capture_output=True, text=True
    )
    print(
        f"  {'first quiz render, new process':<28} {float(first.stdout):8.1f} ms  (code loaded; the banks read from JSON)  {load()}"
    )
    if workbench:
        for name, (w50, w95) in bench_submit(submits, quiet=True).items():
            print(
                ratio_line(
                    f"workbench HTTP p95, {name}", w95, SUBMIT_P95_MS, "ms", f"  p50 {w50:.2f} ms  {load()}"
                )
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7, help="runs per command on the built-in course (>= 5)")
    parser.add_argument("--scales", default="10,50", help="course sizes to generate, as multiples; '' skips")
    parser.add_argument("--submits", type=int, default=200)
    parser.add_argument("--workbench", action="store_true", help="also the HTTP round trip in xblock-sdk")
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs, {load()} at start")
    with tempfile.TemporaryDirectory(prefix="zhineng-bench-") as tmp:
        work = Path(tmp)
        bench_commands(args.runs, work / "dist")
        bench_markdown()
        scales = [int(s) for s in args.scales.split(",") if s.strip()]
        if scales:
            bench_scaling(scales, work)
    bench_blocks(args.submits, args.workbench)


if __name__ == "__main__":
    main()
