"""Every registered question type has all its parts, found through the one registry (quizzes/types/): its model in
the question union, its Python grading with golden cases (tests/test_js_grader_parity.py runs them in both
languages), its runtime module (JS grading, the SCO's widget, the saved-state body, the SCORM record in both versions
and the xAPI definition), its widget and reader in the quiz block, and a right and a wrong response that grade as
they say on every question of the type, in the golden cases and in the built-in course."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from node_support import needs_node, run_node_json
from pydantic import TypeAdapter
from zhineng.modules.loader import load_course
from zhineng.quizzes.attempts import DEFAULT_ATTEMPTS, DEFAULT_SHOW_ANSWER, rule_for
from zhineng.quizzes.grader import grade
from zhineng.quizzes.model import Question
from zhineng.quizzes.types import TYPES
from zhineng.scorm_export.payload import payload_question
from zhineng.xblocks import widgets
from zhineng.xblocks.public import public_question
from zhineng.xblocks.quiz import STRINGS

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "scorm_export" / "runtime"
GOLDEN = yaml.safe_load((ROOT / "tests" / "golden" / "grading" / "cases.yaml").read_text(encoding="utf-8"))
GOLDEN_QUESTIONS = {k: TypeAdapter(Question).validate_python(v) for k, v in GOLDEN["questions"].items()}
COURSE_QUESTIONS = [q for _m, q in load_course().questions()]
NAMES = sorted(TYPES)

# The interaction types SCORM 1.2 knows (RTE 3.4.2.7.3); SCORM 2004 (RTE 4.2.9.1) and xAPI 1.0.3 ("Interaction
# Activities") know these and long-fill-in and other, which a question's record must not need.
SCORM12_TYPES = {
    "true-false",
    "choice",
    "fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
}


def examples(name: str) -> list[Any]:
    return [q for q in [*GOLDEN_QUESTIONS.values(), *COURSE_QUESTIONS] if q.type == name]


def golden_of(name: str) -> list[str]:
    return [k for k, q in GOLDEN_QUESTIONS.items() if q.type == name]


@pytest.mark.parametrize("name", NAMES)
def test_the_model_is_the_types_and_the_question_union_holds_it(name: str) -> None:
    unit = TYPES[name]
    assert unit.name == name
    assert golden_of(name), f"no golden question of type {name} in tests/golden/grading/cases.yaml"
    for key in golden_of(name):
        assert isinstance(GOLDEN_QUESTIONS[key], unit.model)


@pytest.mark.parametrize("name", NAMES)
def test_golden_cases_grade_it_right_wrong_and_refuse_a_malformed_response(name: str) -> None:
    cases = [c for c in GOLDEN["cases"] if c["question"] in golden_of(name)]
    assert any(c.get("expected", {}).get("correct") is True for c in cases), "no right case"
    assert any(c.get("expected", {}).get("correct") is False for c in cases), "no wrong case"
    assert any(c.get("error") for c in cases), "no malformed case"


@pytest.mark.parametrize("name", NAMES)
def test_its_right_and_wrong_responses_grade_as_they_say(name: str) -> None:
    unit = TYPES[name]
    for q in examples(name):
        right = grade(q, unit.right_response(q))
        assert right.correct and right.score == right.max_score, q.id
        wrong = grade(q, unit.wrong_response(q))
        assert not wrong.correct and wrong.score == 0, q.id


class Controls(HTMLParser):
    """The form controls of a widget, the labels' targets and texts, and every element id."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str]] = []
        self.labels: dict[str, str] = {}
        self.ids: list[str] = []
        self._label: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.append(a["id"])
        if tag in ("input", "select", "button", "textarea"):
            self.controls.append(a)
        if tag == "label":
            self._label = a.get("for", "")
            self.labels[self._label] = ""

    def handle_data(self, data: str) -> None:
        if self._label is not None:
            self.labels[self._label] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._label = None


@pytest.mark.parametrize("name", NAMES)
def test_its_block_widget_labels_every_control_and_scopes_its_ids(name: str) -> None:
    t = {**STRINGS, **widgets.block_strings()}
    for n, q in enumerate(examples(name), start=1):
        dom_id = f"zhtest-{n}"
        parsed = Controls()
        parsed.feed(widgets.widget_html(public_question(q), dom_id, t))
        assert parsed.controls, q.id
        for control in parsed.controls:
            # A label of its own with words in it, or an aria-label (a button's words are its name's start).
            named = (
                parsed.labels.get(control.get("id", ""), "").strip() or control.get("aria-label", "").strip()
            )
            assert named and not named.startswith(":"), (q.id, control)
        assert all(i.startswith(f"{dom_id}-") for i in parsed.ids), (q.id, parsed.ids)


# `t.<key>` in a widget template ({{ t.key }}) or a reader script (t.key), not part of a longer name.
WORD = re.compile(r"(?<![\w.$])t\.(\w+)")


@pytest.mark.parametrize("name", NAMES)
def test_every_word_its_block_files_use_is_the_quizs_or_its_own(name: str) -> None:
    """A missing key renders as nothing in a template and as `undefined` in a script: no test of the page would
    see it. (Another type's words do not count: they go when that type goes.)"""
    unit = TYPES[name]
    folder = ROOT / "xblocks" / widgets.FOLDER
    for file in (unit.block_widget, unit.block_reader):
        used = set(WORD.findall((folder / file).read_text(encoding="utf-8")))
        unknown = used - set(STRINGS) - set(unit.block_strings)
        assert not unknown, (file, unknown)


def test_block_strings_of_different_types_never_give_one_key_two_texts() -> None:
    seen: dict[str, tuple[str, str]] = {}
    for name, unit in TYPES.items():
        for key, text in unit.block_strings.items():
            assert key not in STRINGS, f"{name}: '{key}' is already one of the quiz's own strings"
            other = seen.setdefault(key, (name, text))
            assert other[1] == text, f"'{key}' is '{text}' in {name} but '{other[1]}' in {other[0]}"


# A word an SCO widget asks its translator for: t("key"), t(cond ? "a" : "b"), and the pair a part mark names.
SCO_WORD = re.compile(r"\bt\(([^(),]*)")
SCO_MARKS = re.compile(r"partMark\([^)]*\[([^\]]*)\]")
QUOTED = re.compile(r'"(\w+)"')


@needs_node
@pytest.mark.parametrize("name", NAMES)
def test_its_runtime_module_brings_the_words_its_sco_widget_shows_in_zh_tw_and_english(
    javascript: dict[str, Any], name: str
) -> None:
    """The SCO's words for a type are its module's (`strings`), looked up before the player's own (i18n.js): a
    missing one would show its key; a type's words go when the type goes."""
    unit = TYPES[name]
    strings = next(t for t in javascript["types"] if t["name"] == name)["strings"]
    assert strings and set(strings) == {"zh-TW", "en"}, f"{unit.runtime} registers no zh-TW and en strings"
    own, player = set(strings["zh-TW"]), set(javascript["player"]["zh-TW"])
    assert set(strings["en"]) == own, unit.runtime
    source = (RUNTIME / unit.runtime).read_text(encoding="utf-8")
    used = {w for m in [*SCO_WORD.findall(source), *SCO_MARKS.findall(source)] for w in QUOTED.findall(m)}
    assert not used - own - player, f"{unit.runtime} shows words it does not have: {used - own - player}"
    assert own <= used, f"{unit.runtime} never shows {own - used}"
    assert not own & player, f"{unit.runtime}: {own & player} are the player's own words already"


def test_every_block_file_is_some_types() -> None:
    named = {u.block_widget for u in TYPES.values()} | {u.block_reader for u in TYPES.values()}
    assert {p.name for p in (ROOT / "xblocks" / widgets.FOLDER).iterdir()} == named


def runtime_question(q: Any) -> dict[str, Any]:
    """A question as the SCO's payload holds it (scorm_export/payload.py): its keys and its type's extras."""
    return payload_question(q, rule_for(q, DEFAULT_ATTEMPTS, DEFAULT_SHOW_ANSWER))


@pytest.fixture(scope="module")
def javascript() -> dict[str, Any]:
    types = [{"name": u.name, "runtime": u.runtime, "reader": u.block_reader} for u in TYPES.values()]
    pairs = [(q, TYPES[q.type].right_response(q)) for name in NAMES for q in examples(name)]
    items = [{"question": runtime_question(q), "response": r} for q, r in pairs]
    out: dict[str, Any] = run_node_json("type_parts.js", {"types": types, "items": items})
    out["pairs"] = pairs
    return out


@needs_node
@pytest.mark.parametrize("name", NAMES)
def test_its_runtime_module_and_block_reader_register_it(javascript: dict[str, Any], name: str) -> None:
    got = next(t for t in javascript["types"] if t["name"] == name)
    runtime, block = got["runtime"], got["block"]
    # (A module may bring in another type's module that it builds on, as multiple_response does single_choice's.)
    assert name in runtime, f"{TYPES[name].runtime} registers {list(runtime)}"
    assert {"grade", "widget", "encode", "decode", "interaction"} <= set(runtime[name])
    assert name in block, f"{TYPES[name].block_reader} registers {list(block)}"
    assert {"read", "write", "answerText"} <= set(block[name])


@needs_node
@pytest.mark.parametrize("name", NAMES)
def test_its_right_response_in_the_runtime_records_and_saved_state(
    javascript: dict[str, Any], name: str
) -> None:
    for (q, response), got in zip(javascript["pairs"], javascript["items"], strict=True):
        if q.type != name:
            continue
        assert got["grade"]["correct"] and got["grade"]["score"] == got["grade"]["max_score"], q.id
        declared = TYPES[name].interaction
        assert declared in SCORM12_TYPES
        assert (
            got["scorm12"]["type"] == got["scorm2004"]["type"] == got["xapi"]["interactionType"] == declared
        )
        assert got["scorm2004"]["correct"] and got["scorm2004"]["learner"], q.id
        assert got["xapi"]["correctResponsesPattern"], q.id
        # The saved state gives back a response the grader still gives full marks.
        assert grade(q, got["decoded"]).correct, (q.id, response, got["decoded"])
