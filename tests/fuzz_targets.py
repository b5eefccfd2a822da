"""Property-based fuzzing of what authors and learners send: the YAML loader, the Studio imports, every handler.

Run as a script, in a process of its own under an address-space limit and a per-input alarm, so that an input
that hangs or balloons fails the run instead of the machine:

    python tests/fuzz_targets.py TARGET|all [--examples N] [--seed S] [--memory-mb M]

tests/test_fuzz.py runs a short seeded slice of every target on each test run; `make fuzz` runs long ones.
Each target states its invariant: no exception escapes, the documented outcome (placed problems; HTTP 200 or
a 4xx with a message), and nothing is stored or counted on a refusal.
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

PER_INPUT_SECONDS = 20  # generous: a bound against hangs, not a speed test (bench/bench_hostile.py measures)

# --- inputs ----------------------------------------------------------------------------------------------

VALID_MODULE = (ROOT / "tests/fixtures/valid/module.yaml").read_text(encoding="utf-8")
# Pieces of YAML syntax, and of what attackers paste, to splice into valid text.
SNIPPETS = [
    "&a ",
    "*a",
    "&b [*a, *a, *a]",
    "!!python/object/apply:os.system [ls] ",
    "!!binary ",
    "!!set ",
    "!foo ",
    "<<: *a\n",
    "? ",
    "[" * 40,
    "]",
    "{",
    "}",
    "- ",
    ": ",
    "\t",
    "\x00",
    "\x07",
    "\ufeff",
    "\u2028",
    "9" * 5000,
    "1e99999",
    "2026-02-30",
    "0x",
    "---\n",
    "...\n",
    "|\n",
    ">-\n",
    "'",
    '"',
    "\\",
    "#",
    "%YAML 1.1\n",
    "\n",
    "</script><script>alert(1)</script>",
    "\ud7ff",
    "中文",
    "  " * 40,
]
YAML_ALPHABET = st.sampled_from(list("[]{}:,-&*!?|>'\"#%@`\n\t ab1.0") + ["中", "\u3000", "\x00", "\x85"])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40))
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)


@st.composite
def spliced(draw: Any, base: str = VALID_MODULE) -> str:
    text = base
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(SNIPPETS)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 30)) :]
    return text


@st.composite
def dumped(draw: Any) -> str:
    import yaml

    value = draw(json_values)
    return yaml.safe_dump(value, allow_unicode=draw(st.booleans()), default_flow_style=draw(st.booleans()))


yaml_texts = st.one_of(spliced(), st.text(YAML_ALPHABET, max_size=200), dumped())

# --- targets ---------------------------------------------------------------------------------------------


def yaml_loader(examples: int) -> Callable[[], None]:
    from zhineng.modules.loader import load_course
    from zhineng.modules.yamlsrc import parse

    from zhineng.errors import Problem, ValidationFailed, ZhinengError

    folder = Path(tempfile.mkdtemp(prefix="zhineng-fuzz-"))

    @given(yaml_texts)
    def check(text: str) -> None:
        source, problems = parse(text, "m.yaml")
        assert all(isinstance(p, Problem) and p.line >= 1 and p.col >= 1 for p in problems)
        # The whole loader (models, cross-references, export checks), as `validate` runs it.
        (folder / "T1.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_course([folder])
        except ValidationFailed as failed:
            assert failed.problems and all(p.file.endswith("T1.yaml") for p in failed.errors)
        except ZhinengError:
            pass

    return check


def _harness() -> Any:
    from xblock_tests import conftest  # noqa: F401 - Django templates and the blocks' entry points
    from xblock_tests.harness import Harness

    return Harness()


def _expect_4xx_or_ok(reply: Any) -> None:
    assert reply.status in (200, 400, 403, 409), reply
    if reply.status != 200:
        assert isinstance(reply.data, dict) and reply.data.get("error"), reply


STUDIO = {"display_name": "Q", "selection_kind": "module", "selection": "", "weight": 1, "max_attempts": 2}


def studio_import(examples: int) -> Callable[[], None]:
    h = _harness()

    @given(yaml_texts, st.sampled_from(["<zhineng_quiz/>", "<zhineng_reflection/>"]))
    def check(text: str, xml: str) -> None:
        block = h.parse(xml)
        body = {**STUDIO, "show_answer": "finished", "yaml": text} if "quiz" in xml else {"yaml": text}
        reply = h.call(block, "studio_submit", body)
        _expect_4xx_or_ok(reply)
        if reply.status == 200 and "quiz" in xml:  # what was stored renders, and is plain JSON
            json.dumps(block.bank)
            h.runtime.render(block, "student_view", {})

    return check


QUIZ = (
    '<zhineng_quiz selection_kind="ids" selection="T1-Q001,T1-Q002,T1-Q004,T1-Q006,T1-Q008,T1-Q012,T1-Q018"/>'
)
QUESTION_IDS = ["T1-Q001", "T1-Q002", "T1-Q004", "T1-Q006", "T1-Q008", "T1-Q012", "T1-Q018"]
HANDLERS = [
    (QUIZ, "submit"),
    (QUIZ, "studio_submit"),
    ("<zhineng_reflection/>", "submit"),
    ("<zhineng_reflection/>", "studio_submit"),
    ("<zhineng_progress/>", "refresh"),
    ("<zhineng_progress/>", "studio_submit"),
]
answers = st.fixed_dictionaries({}, optional={qid: json_values for qid in QUESTION_IDS})
bodies = st.one_of(
    json_values.map(lambda v: json.dumps(v).encode()),
    answers.map(lambda a: json.dumps({"answers": a}).encode()),
    st.fixed_dictionaries({"text": json_values, "rating": json_values}).map(lambda b: json.dumps(b).encode()),
    st.binary(max_size=200),
    st.integers(1, 5000).map(lambda n: b'{"answers": ' + b"[" * n + b"]" * n + b"}"),
)


def handlers(examples: int) -> Callable[[], None]:
    h = _harness()

    @given(st.sampled_from(HANDLERS), bodies)
    def check(handler: tuple[str, str], body: bytes) -> None:
        xml, name = handler
        block = h.parse(xml)
        before = len(h.events)
        reply = h.call(block, name, None, raw=body)
        _expect_4xx_or_ok(reply)
        if name == "submit" and reply.status != 200:
            assert len(h.events) == before  # nothing published, nothing counted
            assert getattr(block, "attempts", 0) == 0 and not getattr(block, "submitted", False)
        h.runtime.render(block, "student_view", {})

    return check


TARGETS: dict[str, Callable[[int], Callable[[], None]]] = {
    "yaml_loader": yaml_loader,
    "studio_import": studio_import,
    "handlers": handlers,
}

# --- running ---------------------------------------------------------------------------------------------


def _alarm(signum: int, frame: Any) -> None:
    raise TimeoutError(f"one input ran longer than {PER_INPUT_SECONDS} s")


def run(name: str, examples: int, chosen_seed: int | None) -> None:
    test = TARGETS[name](examples)
    test = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=chosen_seed is None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )(test)
    if chosen_seed is not None:
        test = seed(chosen_seed)(test)
    inner = test.hypothesis.inner_test  # type: ignore[attr-defined]

    def bounded(*args: Any, **kwargs: Any) -> None:
        signal.alarm(PER_INPUT_SECONDS)
        try:
            inner(*args, **kwargs)
        finally:
            signal.alarm(0)

    test.hypothesis.inner_test = bounded  # type: ignore[attr-defined]
    test()
    print(f"{name}: {examples} inputs, no failure")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("target", choices=[*TARGETS, "all"])
    parser.add_argument("--examples", type=int, default=100)
    parser.add_argument("--seed", type=int, default=None, help="a random run; default: derandomized")
    parser.add_argument("--memory-mb", type=int, default=1500, help="address-space limit of this process")
    args = parser.parse_args()
    limit = args.memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGALRM, _alarm)
    for name in TARGETS if args.target == "all" else [args.target]:
        run(name, args.examples, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
