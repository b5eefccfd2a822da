"""Fuzzing `zhineng report`: every reader (SCORM CMI, Open edX logs, xAPI files and NDJSON), with shaped and
pathological inputs (nesting at any depth, numbers of thousands of digits, random bytes, huge files).

For every input, run through the real command in a limited child process (tests/fuzz_support.py): no
traceback, exit 0 or 3 as documented (3 exactly when something was skipped), the good file beside the hostile
ones still reported, a file nested too deep named, and memory and time within the child's limits.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from fuzz_support import LimitedZhineng, assert_clean, fuzz_settings, limited_zhineng  # noqa: F401 (the `zhineng` fixture)
from hypothesis import given
from hypothesis import strategies as st
from report_support import COURSE, REPORT

GOOD = REPORT / "xapi" / "alice-M3.json"
ITEMS = ["K1", "K2", "K3", "K99", "T1.1", "T3.1", "A01", "Q1", "Q2", "Q4", "R1", "R3", "M1", "M3", ""]
VERBS = [
    "http://adlnet.gov/expapi/verbs/answered",
    "http://adlnet.gov/expapi/verbs/completed",
    "http://adlnet.gov/expapi/verbs/initialized",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
EVENTS = ["zhineng.knowledge.assessed", "zhineng.attitude.reflected", "grade", "edx.grades.problem.submitted"]


# --- values ---------------------------------------------------------------------------------------------------

leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(ITEMS),
    st.sampled_from(["=1+1", "@SUM(A1)", "\t-1", "\r+1", "a\0b", "</script>", "\u2028", "\udcff"]),
)
strings = st.text(max_size=30) | st.sampled_from(
    ["=1+1", "@SUM(A1)", "\t-1", "\r+1", "a\0b", "</script>", "\udcff", "\ud800"]
)
values = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


DEPTHS = [1_000, 1_025, 3_000, 200_000]  # within orjson's 1,024 levels and beyond


def deep(depth: int, opener: str) -> str:
    closer = {"[": "]", '{"a":': "}", '[{"a":': "}]"}[opener]
    return opener * depth + "1" + closer * depth


deep_text = st.builds(
    deep, st.sampled_from([1_000, 1_025, 3_000, 200_000]), st.sampled_from(["[", '{"a":', '[{"a":'])
)
huge_number = st.integers(min_value=4_301, max_value=200_000).map(lambda n: "9" * n)


@st.composite
def cmi(draw: st.DrawFn) -> dict[str, Any]:
    learner = draw(st.sampled_from(["cmi.core.student_id", "cmi.learner_id"]))
    data: dict[str, Any] = {learner: draw(values)}
    for n in range(draw(st.integers(0, 3))):
        data[f"cmi.objectives.{n}.id"] = draw(st.sampled_from(ITEMS) | values)
        data[
            f"cmi.objectives.{n}.{draw(st.sampled_from(['status', 'success_status', 'score.raw', 'score.scaled']))}"
        ] = draw(values)
        data[f"cmi.interactions.{n}.id"] = draw(st.sampled_from(ITEMS) | values)
        data[
            f"cmi.interactions.{n}.{draw(st.sampled_from(['result', 'timestamp', 'objectives.0.id', 'learner_response']))}"
        ] = draw(values)
    if draw(st.booleans()):
        data["cmi.suspend_data"] = draw(st.text(max_size=200) | values)
    return {"cmi": data} if draw(st.booleans()) and not isinstance(data.get("cmi"), dict) else data


@st.composite
def statement(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "actor": {"account": {"name": draw(values)}, "mbox": draw(values)},
        "verb": {"id": draw(st.sampled_from(VERBS) | values)},
        "object": {
            "id": draw(st.sampled_from(ITEMS).map(lambda i: f"https://zhineng.example/q/{i}") | values)
        },
        "result": {
            "success": draw(values),
            "response": draw(values),
            "score": {"raw": draw(values)},
            "extensions": {"https://zhineng.example/xapi/ext/item": draw(st.sampled_from(ITEMS) | values)},
        },
        "timestamp": draw(values),
    }


@st.composite
def event(draw: st.DrawFn) -> dict[str, Any]:
    body: Any = draw(
        values
        | st.fixed_dictionaries(
            {"knowledge_id": st.sampled_from(ITEMS), "score": values, "max_score": values}
        )
    )
    return {
        "event_type": draw(st.sampled_from(EVENTS) | values),
        "username": draw(values),
        "time": draw(values),
        "context": {"module": {"usage_key": draw(values)}},
        "event": json.dumps(body) if draw(st.booleans()) else body,
    }


@st.composite
def tracking_file(draw: st.DrawFn) -> tuple[str, bytes, str]:
    """(suffix, content, what must be said of the whole file: "" nothing, "named" skipped for some reason,
    "nested too deep" skipped for that)."""
    kind = draw(
        st.sampled_from(
            [
                "real",
                "cmi",
                "statements",
                "ndjson-statements",
                "events",
                "deep",
                "deep-inside",
                "number",
                "bytes",
                "values",
            ]
        )
    )
    suffix = draw(st.sampled_from([".json", ".jsonl", ".ndjson", ".log"]))
    if kind == "real":  # real statements, hostile strings where the report shows them
        made = json.loads(GOOD.read_text(encoding="utf-8"))
        for one in made["statements"]:
            one["actor"]["account"]["name"] = draw(strings)
            one.setdefault("result", {})["response"] = draw(strings)
        return suffix, json.dumps(made).encode(), ""
    if kind == "cmi":
        return suffix, json.dumps(draw(cmi())).encode(), ""
    if kind == "statements":
        items = draw(st.lists(statement(), max_size=4))
        body = {"statements": items} if draw(st.booleans()) else items
        return suffix, json.dumps(body).encode(), ""
    if kind in ("ndjson-statements", "events"):
        made = statement() if kind == "ndjson-statements" else event()
        lines = [json.dumps(x) for x in draw(st.lists(made, min_size=1, max_size=5))]
        lines.insert(draw(st.integers(0, len(lines))), draw(deep_text | huge_number | st.text(max_size=20)))
        return suffix, "\n".join(lines).encode(), ""
    if kind == "deep":
        depth = draw(st.sampled_from(DEPTHS))
        text = deep(depth, draw(st.sampled_from(["[", '{"a":', '[{"a":'])))
        return suffix, text.encode(), "nested too deep" if depth > 1_024 else "named"
    if kind == "deep-inside":  # a shaped record with a deep value where a reader looks
        holder = draw(
            st.sampled_from(
                [
                    '{"actor": {"account": {"name": %s}}, "verb": {}}',
                    '{"cmi": {"learner_id": %s}}',
                    '{"event_type": "grade", "event": %s}',
                ]
            )
        )
        return suffix, holder.replace("%s", draw(deep_text)).encode(), ""
    if kind == "number":
        return suffix, ('{"cmi": {"learner_id": ' + draw(huge_number) + "}}").encode(), ""
    if kind == "bytes":
        return suffix, draw(st.binary(max_size=300)), ""
    return suffix, json.dumps(draw(values)).encode(), ""


def _fresh_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="zhineng-fuzz-"))


@fuzz_settings(in_suite=40)
@given(
    files=st.lists(tracking_file(), min_size=1, max_size=4),
    forced=st.sampled_from([None, None, None, "scorm", "openedx", "xapi"]),
)
def test_report_survives_any_tracking_file(
    zhineng: LimitedZhineng, files: list[tuple[str, bytes, str]], forced: str | None
) -> None:
    work = _fresh_folder()
    try:
        inputs = work / "in"
        inputs.mkdir()
        shutil.copy(GOOD, inputs / "0-good.json")
        for n, (suffix, content, _said) in enumerate(files, start=1):
            (inputs / f"{n}-hostile{suffix}").write_bytes(content)
        argv = ["report", str(inputs), "--course", str(COURSE), "--out", str(work / "out"), "--jobs", "1"]
        if forced:
            argv += ["--format", forced]
        outcome = zhineng.run(argv, work)
        assert_clean(outcome, argv, {0, 3})
        assert (outcome.code == 3) == ("record(s) skipped" in outcome.err), outcome.err
        report = json.loads((work / "out" / "report.json").read_text(encoding="utf-8"))
        with (work / "out" / "report.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):  # every text cell safe for a spreadsheet (value, max: numbers)
                for column in ("learner", "item", "label", "status", "when", "source", "text"):
                    assert not row[column].startswith(FORMULA_START) and "\0" not in row[column], row
        if forced in (None, "xapi"):
            assert "alice" in [r["learner"] for r in report["learners"]]  # the rest is reported
        for n, (suffix, _content, said) in enumerate(files, start=1):
            if said:
                [line] = [x for x in outcome.err.splitlines() if f"{n}-hostile{suffix}: record " in x]
                assert said == "named" or line.endswith(said + " (about 1,000 levels or more)"), line
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- size: bounded memory per input, never a silent "0 learners" -----------------------------------------------


def test_huge_inputs_are_read_or_named_within_the_memory_limit(
    zhineng: LimitedZhineng, tmp_path: Path
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(GOOD, inputs / "0-good.json")
    with (inputs / "1-sparse.json").open("wb") as handle:  # 500 MB of NUL bytes, no disk space taken
        handle.truncate(500 * 1024 * 1024)
    statements = json.loads(GOOD.read_text(encoding="utf-8"))["statements"]
    one = json.dumps(statements[1]).encode()
    with (inputs / "2-big-valid.json").open("wb") as handle:  # a valid 40 MB document: over the 16 MB limit
        handle.write(b"[" + b",".join([one] * (40 * 1024 * 1024 // len(one))) + b"]")
    with (inputs / "3-big.ndjson").open("wb") as handle:  # 60 MB of JSON lines: read line by line
        handle.write((one + b"\n") * (60 * 1024 * 1024 // len(one)))
    argv = ["report", str(inputs), "--course", str(COURSE), "--out", str(tmp_path / "out"), "--jobs", "1"]
    outcome = zhineng.run(argv, tmp_path)
    assert_clean(outcome, argv, {3})
    limit = "larger than 16 MB, the limit for one JSON document (--max-json-mb raises it)"
    assert f"in/1-sparse.json: record 0: {limit}" in outcome.err.splitlines()
    assert f"in/2-big-valid.json: record 0: {limit}" in outcome.err.splitlines()
    assert "3-big.ndjson" not in outcome.err
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [r["learner"] for r in report["learners"]] == ["alice"]
