"""Hostile inputs, per input class: the worst input's time and peak memory, against the targets (2 s, 200 MB).

Run: python bench/bench_hostile.py [CLASS ...]. Prints only; no timed test asserts these. Every input runs in a
fresh child process (the real command, or the real handler in the test runtime), so each number is that
input's own: wall time of the child, and its peak resident memory (ru_maxrss from wait4), start-up included.

Adding a class is one entry in CLASSES: a name, the inputs (name -> text or bytes), and the child's argv for
an input written to a file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_inputs import HOSTILE_BODIES, HOSTILE_YAML  # noqa: E402

TARGET_SECONDS = 2.0
TARGET_MB = 200.0
PY = sys.executable

# The real command line, as `zhineng ARGS...` runs it.
CLI = "import sys; from zhineng.cli import main; sys.exit(main(sys.argv[1:]))"
# One call of a block's handler in the test runtime (tests/xblock_tests/harness.py): argv = xml handler file.
HANDLER = """
import sys, json
sys.path.insert(0, sys.argv[4])
from xblock_tests import conftest
from xblock_tests.harness import Harness
h = Harness()
xml, handler, path = sys.argv[1:4]
data = open(path, "rb").read()
if handler == "studio_submit:yaml":
    handler = "studio_submit"
    text = data.decode("utf-8")
    body = {"yaml": text}
    if "quiz" in xml:
        body.update(display_name="Q", selection_kind="module", selection="", weight=1, max_attempts=2,
                    show_answer="finished")
    data = json.dumps(body).encode()
reply = h.call(h.parse(xml), handler, None, raw=data)
sys.exit(0 if reply.status < 500 else 3)
"""
TESTS = str(ROOT / "tests")
BLOCK_HANDLERS = [
    ("<zhineng_quiz/>", "submit"),
    ("<zhineng_quiz/>", "studio_submit"),
    ("<zhineng_reflection/>", "submit"),
    ("<zhineng_reflection/>", "studio_submit"),
    ("<zhineng_progress/>", "refresh"),
    ("<zhineng_progress/>", "studio_submit"),
]


@dataclass(frozen=True)
class InputClass:
    inputs: Callable[[], dict[str, str | bytes]]
    argv: Callable[[Path], list[str]]  # the child process that handles the input written at this path
    suffix: str = ".yaml"
    ok_codes: tuple[int, ...] = (0,)  # a handler's child exits 0 whatever the HTTP status, but 3 on a 5xx


def _per_handler(bodies: dict[str, bytes]) -> dict[str, str | bytes]:
    return {
        f"{name} -> {xml} {handler}": body for name, body in bodies.items() for xml, handler in BLOCK_HANDLERS
    }


COMMAND_CODES = (0, 1, 2)  # clean, refused, usage error; a traceback is 1 too, so the bench also reads stderr

CLASSES: dict[str, InputClass] = {
    "course YAML: zhineng validate": InputClass(
        lambda: dict(HOSTILE_YAML), lambda p: [PY, "-c", CLI, "validate", str(p)], ok_codes=COMMAND_CODES
    ),
    "course YAML: zhineng export --all": InputClass(
        lambda: dict(HOSTILE_YAML),
        lambda p: [PY, "-c", CLI, "export", "--all", "--course", str(p), "--out", str(p.parent / "dist")],
        ok_codes=COMMAND_CODES,
    ),
    "Studio YAML import: quiz block": InputClass(
        lambda: dict(HOSTILE_YAML),
        lambda p: [PY, "-c", HANDLER, "<zhineng_quiz/>", "studio_submit:yaml", str(p), TESTS],
    ),
    "Studio YAML import: reflection block": InputClass(
        lambda: dict(HOSTILE_YAML),
        lambda p: [PY, "-c", HANDLER, "<zhineng_reflection/>", "studio_submit:yaml", str(p), TESTS],
    ),
    "request bodies: every XBlock handler": InputClass(
        lambda: _per_handler(HOSTILE_BODIES),
        lambda p: [PY, "-c", HANDLER, *_handler_of(p), str(p), TESTS],
        ".json",
    ),
}


def _handler_of(path: Path) -> list[str]:
    """The block and handler an input of the per-handler class is meant for (kept beside it)."""
    return path.with_suffix(".target").read_text(encoding="utf-8").split("\t")


def measure(argv: list[str], errors: Path) -> tuple[float, float, float, int, bool]:
    """(wall s, CPU s, peak resident MB, exit code, whether it printed a traceback) of one child process.

    CPU time is what the input costs on a busy machine; wall time is what a user waits on an idle one.
    """
    start = time.perf_counter()
    with errors.open("wb") as err:
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    traceback = b"Traceback (most recent call last)" in errors.read_bytes()
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, cpu, usage.ru_maxrss / 1024, child.returncode, traceback


def run_class(name: str, cls: InputClass) -> tuple[str, float, float, str, float, list[str]]:
    worst_time, worst_mem = ("", 0.0, 0.0), ("", 0.0)
    crashed = []
    with tempfile.TemporaryDirectory(prefix="zhineng-hostile-") as tmp:
        for label, data in cls.inputs().items():
            path = Path(tmp) / f"T1{cls.suffix}"
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
            if " -> " in label:
                xml, handler = label.split(" -> ", 1)[1].split(" ")
                path.with_suffix(".target").write_text(f"{xml}\t{handler}", encoding="utf-8")
            seconds, cpu, mb, code, traceback = measure(cls.argv(path), Path(tmp) / "stderr")
            if code not in cls.ok_codes or traceback:
                crashed.append(f"{label} (exit {code}{', traceback' if traceback else ''})")
            if cpu > worst_time[2]:
                worst_time = (label, seconds, cpu)
            if mb > worst_mem[1]:
                worst_mem = (label, mb)
    return worst_time[0], worst_time[1], worst_time[2], worst_mem[0], worst_mem[1], crashed


def main(argv: list[str]) -> int:
    chosen = argv or list(CLASSES)
    print(
        f"{'input class':40} {'worst s':>8} {'/2 s':>6} {'peak MB':>8} {'/200 MB':>8}  worst input (time; memory)"
    )
    failed = False
    for name in chosen:
        time_label, seconds, mem_label, mb, crashed = run_class(name, CLASSES[name])
        print(
            f"{name:40} {seconds:8.2f} {seconds / TARGET_SECONDS:6.2f} {mb:8.1f} {mb / TARGET_MB:8.2f}"
            f"  {time_label}; {mem_label}"
        )
        for line in crashed:
            print(f"  CRASHED: {line}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
