"""Hostile inputs, per input class: the worst input's time and peak memory, against the class's targets.

Run: python bench/bench_hostile.py [CLASS ...]. Prints only; no timed test asserts these. Every input runs in a
fresh child process (the real command, or the real handler in the test runtime), so each number is that input's
own: wall and CPU time of the child, and its peak resident memory (ru_maxrss from wait4), start-up included. A
class also fails (exit 1) if any input crashes: an exit code outside the class's set, or a traceback.

Adding a class is one entry in CLASSES: the inputs (name -> text or bytes, or a function that writes the input
at a path), the child's argv for an input written to a file, and the targets. Large inputs are written by
functions, never held: a child's peak memory (ru_maxrss) starts from this process's size when it is forked.
"""

from __future__ import annotations

import json
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

from hostile_inputs import BLOCK_HANDLERS, HOSTILE_BODIES, HOSTILE_YAML  # noqa: E402

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


REPORT_COURSE = ROOT / "tests" / "fixtures" / "report" / "course"
SMALL_COURSE = ROOT / "tests" / "fixtures" / "course_small"
GOOD_STATEMENT = json.loads((ROOT / "tests/fixtures/report/xapi/alice-M3.json").read_text(encoding="utf-8"))[
    "statements"
][1]
MB = 1024 * 1024

Input = str | bytes | Callable[[Path], None]


@dataclass(frozen=True)
class InputClass:
    inputs: Callable[[], dict[str, Input]]
    argv: Callable[[Path], list[str]]  # the child process that handles the input written at this path
    suffix: str = ".yaml"
    ok_codes: tuple[int, ...] = (0,)  # a handler's child exits 0 whatever the HTTP status, but 3 on a 5xx
    target_seconds: float = 2.0
    target_mb: float = 200.0


def _report(path: Path) -> list[str]:
    out = path.parent / "out"
    return [
        PY,
        "-c",
        CLI,
        "report",
        str(path),
        "--course",
        str(REPORT_COURSE),
        "--out",
        str(out),
        "--jobs",
        "1",
    ]


def _deep(depth: int, opener: bytes, closer: bytes, head: bytes = b"", tail: bytes = b"") -> Input:
    def write(path: Path) -> None:
        with path.open("wb") as handle:
            handle.write(head)
            for part, count in ((opener, depth), (b"1", 1), (closer, depth)):
                for done in range(0, count, 100_000):
                    handle.write(part * min(100_000, count - done))
            handle.write(tail)

    return write


def _nested() -> dict[str, Input]:
    out: dict[str, Input] = {}
    for depth in (1_000, 1_025, 100_000, 10_000_000):
        out[f"[ x {depth:,}"] = _deep(depth, b"[", b"]")
        out[f'{{"a": x {depth:,}'] = _deep(depth, b'{"a":', b"}")
        out[f"CMI with a value nested {depth:,}"] = _deep(
            depth, b"[", b"]", b'{"cmi": {"learner_id": ', b"}}"
        )
        head = b'{"event_type": "grade", "event": "'
        out[f"Open edX event string nested {depth:,}"] = _deep(
            depth, b"[", b"]", head, b'"}\n{"event": {}}\n'
        )
    return out


def _repeat_to(path: Path, chunk: bytes, size: int, head: bytes = b"", tail: bytes = b"") -> None:
    """head, chunk repeated to about size bytes, tail: written a few megabytes at a time."""
    block = chunk * max(1, (4 * MB) // len(chunk))
    count = size // len(chunk)
    with path.open("wb") as handle:
        handle.write(head)
        for _ in range(count // (len(block) // len(chunk))):
            handle.write(block)
        handle.write(chunk * (count % (len(block) // len(chunk))))
        handle.write(tail)


def _sparse(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(500 * MB)


def _big() -> dict[str, Input]:
    statement = json.dumps(GOOD_STATEMENT).encode()
    return {
        "500 MB of NUL bytes (sparse)": _sparse,
        "500 MB valid JSON array of statements": lambda p: _repeat_to(
            p, statement + b",", 500 * MB, b"[", b"{}]"
        ),
        "500 MB of NDJSON statements": lambda p: _repeat_to(p, statement + b"\n", 500 * MB),
        "500 MB one line, no newline": lambda p: _repeat_to(p, b'"xxxxxxxxxxxxxxx",', 500 * MB, b"[", b"0]"),
        "16 MB (the limit) of empty objects": lambda p: _repeat_to(p, b"{},", 16 * MB - 3, b"[", b"{}]"),
    }


def _scalars() -> dict[str, Input]:
    cmi = b'{"cmi": {"learner_id": '
    return {
        "integer of 1,000,000 digits": lambda p: _repeat_to(p, b"9" * 1000, 1_000_000, cmi, b"}}"),
        "float of 1,000,000 digits": lambda p: _repeat_to(p, b"9" * 1000, 1_000_000, cmi + b"0.", b"}}"),
        "string of 15 MB (under the limit)": lambda p: _repeat_to(
            p, b"x" * 1000, 15 * MB, cmi + b'"', b'"}}'
        ),
        "lone surrogates": json.dumps(
            [{**GOOD_STATEMENT, "actor": {"account": {"name": "\udcff"}}}]
        ).encode(),
        "random bytes": lambda p: p.write_bytes(os.urandom(MB)),
    }


def _arguments() -> dict[str, Input]:
    """One input per bad argument list (the argv is the input's content, one argument a line)."""
    small = str(SMALL_COURSE)
    cases = {
        "preview --port 99999999999999999999": ["preview", "--port", "9" * 20, "--course", small],
        "preview --port -1": ["preview", "--port", "-1", "--course", small],
        "report --jobs of 5,000 digits": ["report", "x.json", "--jobs", "9" * 5000],
        "report --max-json-mb of 5,000 digits": ["report", "x.json", "--max-json-mb", "9" * 5000],
        "report --lrs http://[::1": ["report", "--lrs", "http://[::1"],
        "report --lrs file:///etc/passwd": ["report", "--lrs", "file:///etc/passwd"],
        "export --out under a file": ["export", "olx", "--course", small, "--out", "/etc/hostname/x"],
        "validate a folder of nothing": ["validate", "/proc/self/fdinfo"],
        "validate /dev/zero": ["validate", "/dev/zero"],
    }
    return {name: "\n".join(argv).encode() for name, argv in cases.items()}


def _argv_from_file(path: Path) -> list[str]:
    return [PY, "-c", CLI, *path.read_text(encoding="utf-8").split("\n")]


COMMAND_CODES = (0, 1, 2)  # clean, refused, usage error or skipped input; a traceback is read from stderr

REPORT_AND_ARGUMENT_CLASSES: dict[str, InputClass] = {
    "tracking JSON nested: zhineng report": InputClass(_nested, _report, ".json", COMMAND_CODES),
    "tracking files of 500 MB: zhineng report": InputClass(
        _big, _report, ".json", COMMAND_CODES, target_seconds=30.0, target_mb=600.0
    ),
    "tracking scalars: zhineng report": InputClass(
        _scalars, _report, ".json", COMMAND_CODES, target_mb=600.0
    ),
    "bad arguments: every command": InputClass(_arguments, _argv_from_file, ".args", COMMAND_CODES),
}


def _per_handler(bodies: dict[str, bytes]) -> dict[str, Input]:
    return {
        f"{name} -> {xml} {handler}": body for name, body in bodies.items() for xml, handler in BLOCK_HANDLERS
    }


YAML_AND_HANDLER_CLASSES: dict[str, InputClass] = {
    "course YAML: zhineng validate": InputClass(
        lambda: dict[str, Input](HOSTILE_YAML),
        lambda p: [PY, "-c", CLI, "validate", str(p)],
        ok_codes=COMMAND_CODES,
    ),
    "course YAML: zhineng export --all": InputClass(
        lambda: dict[str, Input](HOSTILE_YAML),
        lambda p: [PY, "-c", CLI, "export", "--all", "--course", str(p), "--out", str(p.parent / "dist")],
        ok_codes=COMMAND_CODES,
    ),
    "Studio YAML import: quiz block": InputClass(
        lambda: dict[str, Input](HOSTILE_YAML),
        lambda p: [PY, "-c", HANDLER, "<zhineng_quiz/>", "studio_submit:yaml", str(p), TESTS],
    ),
    "Studio YAML import: reflection block": InputClass(
        lambda: dict[str, Input](HOSTILE_YAML),
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


CLASSES = {**YAML_AND_HANDLER_CLASSES, **REPORT_AND_ARGUMENT_CLASSES}


def measure(argv: list[str], errors: Path) -> tuple[float, float, float, int, bool]:
    """(wall s, CPU s, peak resident MB, exit code, whether it printed a traceback) of one child process."""
    start = time.perf_counter()
    with errors.open("wb") as err:
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        _pid, status, usage = os.wait4(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    traceback = b"Traceback (most recent call last)" in errors.read_bytes()
    return (
        time.perf_counter() - start,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        code,
        traceback,
    )


@dataclass
class Worst:
    time_label: str = ""
    seconds: float = 0.0
    cpu: float = 0.0
    memory_label: str = ""
    mb: float = 0.0


def run_class(cls: InputClass) -> tuple[Worst, list[str]]:
    worst, crashed = Worst(), []
    with tempfile.TemporaryDirectory(prefix="zhineng-hostile-") as tmp:
        for label, data in cls.inputs().items():
            path = Path(tmp) / f"T1{cls.suffix}"
            if callable(data):
                data(path)
            else:
                path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
            if " -> " in label:  # a request body, and the block and handler it is for
                xml, handler = label.split(" -> ", 1)[1].split(" ")
                path.with_suffix(".target").write_text(f"{xml}\t{handler}", encoding="utf-8")
            seconds, cpu, mb, code, traceback = measure(cls.argv(path), Path(tmp) / "stderr")
            path.unlink()
            if code not in cls.ok_codes or traceback:
                crashed.append(f"{label} (exit {code}{', traceback' if traceback else ''})")
            if cpu > worst.cpu:
                worst.time_label, worst.seconds, worst.cpu = label, seconds, cpu
            if mb > worst.mb:
                worst.memory_label, worst.mb = label, mb
    return worst, crashed


def main(argv: list[str]) -> int:
    chosen = argv or list(CLASSES)
    print(
        f"{'input class':42} {'worst s':>8} {'CPU s':>6} {'ratio':>6} {'peak MB':>8} {'ratio':>6}  worst input (time; memory)"
    )
    failed = False
    for name in chosen:
        cls = CLASSES[name]
        worst, crashed = run_class(cls)
        print(
            f"{name:42} {worst.seconds:8.2f} {worst.cpu:6.2f} {worst.cpu / cls.target_seconds:6.2f} {worst.mb:8.1f}"
            f" {worst.mb / cls.target_mb:6.2f}  {worst.time_label}; {worst.memory_label}"
        )
        for line in crashed:
            print(f"  CRASHED: {line}")
            failed = True
    print("ratio: worst CPU time / the class's target, peak memory / its target (targets in CLASSES)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
