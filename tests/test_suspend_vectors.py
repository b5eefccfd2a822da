"""The saved-state codec (scorm_export/saved_state.py) on the strings the runtime's encoder wrote
(tests/fixtures/suspend_vectors.json; tests/js/state.test.js checks the encoder still writes exactly these).
The task vectors use the one task of tests/js/fixture.js (criteria accuracy, clarity)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from zhineng.scorm_export.saved_state import (
    MAGIC,
    SavedReflection,
    SavedState,
    decode,
    encode,
    fnv6,
    saved_reflections,
    saved_tasks,
)

VECTORS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "suspend_vectors.json").read_text(encoding="utf-8")
)


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_the_reports_read_what_the_runtime_wrote(vector: dict[str, Any]) -> None:
    got = saved_reflections(vector["data"])
    assert set(got) == set(vector["reflections"])
    for key, want in vector["reflections"].items():
        assert key == fnv6(want["id"])
        saved = vector["state"]["reflections"][want["id"]]
        assert (got[key].submitted, got[key].rating) == (want["submitted"], want["rating"])
        if want["id"] in vector["cut"]:
            assert saved["text"].startswith(got[key].text) and got[key].text != saved["text"]
        else:
            assert got[key].text == saved["text"]
            assert utf16_units(got[key].text) == len(saved["text"].encode("utf-16-le")) // 2


STATUS = {"draft": "draft", "submitted": "submitted", "rated": "self_rated"}
CRITERIA = ["accuracy", "clarity"]  # tests/js/fixture.js makeTask's rubric, in order


@pytest.mark.parametrize(
    "vector", [v for v in VECTORS if "tasks" in v], ids=[v["name"] for v in VECTORS if "tasks" in v]
)
def test_the_reports_read_the_task_records_the_runtime_wrote(vector: dict[str, Any]) -> None:
    got = saved_tasks(vector["data"])
    assert set(got) == set(vector["tasks"])
    for key, want in vector["tasks"].items():
        assert key == fnv6(want["id"])
        saved = vector["state"]["tasks"][want["id"]]
        record = got[key]
        assert record.status == STATUS[saved["status"]]
        assert record.levels == tuple(saved["ratings"].get(c, 0) for c in CRITERIA)
        assert record.cut == (want["id"] in vector["cutTasks"])
        if record.cut:
            full = saved["values"]["copy"]
            assert record.values["copy"] != full and full.startswith(record.values["copy"])
            assert record.values["budget"] == saved["values"]["budget"]
        else:
            assert record.values == saved["values"]


def test_a_saved_state_from_before_tasks_has_no_task_records() -> None:
    legacy = next(v for v in VECTORS if v.get("legacy"))
    assert legacy["data"].startswith("Z2:")
    assert saved_tasks(legacy["data"]) == {}
    assert saved_reflections(legacy["data"])


NEWEST = [v for v in VECTORS if not v.get("legacy")]


@pytest.mark.parametrize("vector", NEWEST, ids=[v["name"] for v in NEWEST])
def test_the_python_encoder_writes_what_the_runtime_wrote(vector: dict[str, Any]) -> None:
    saved = decode(vector["data"])
    assert encode(saved) == vector["data"]
    state = vector["state"]
    assert (saved.ended, saved.next_interaction, saved.page) == (
        state["ended"],
        state["nextInteraction"],
        state["page"],
    )
    assert sorted(a.used for a in saved.answers) == sorted(
        a.get("used", 1) for a in state["answers"].values()
    )


OLDER = [v for v in VECTORS if v.get("legacy")]


@pytest.mark.parametrize("vector", OLDER, ids=[v["name"] for v in OLDER])
def test_every_older_version_is_read_and_written_again_as_the_newest(vector: dict[str, Any]) -> None:
    saved = decode(vector["data"])
    assert saved.magic == vector["data"][:2] and saved.tasks == {}
    assert (saved.ended, saved.next_interaction) == (
        vector["state"]["ended"],
        vector["state"]["nextInteraction"],
    )
    again = decode(encode(saved))
    assert again.magic == MAGIC
    assert (again.answers, again.reflections, again.page, again.visited) == (
        saved.answers,
        saved.reflections,
        saved.page,
        saved.visited,
    )


def test_lengths_count_utf16_units_as_the_runtime_does() -> None:
    text = "長😀x"  # 4 UTF-16 units, 3 code points
    data = encode(SavedState("h", reflections={fnv6("R1"): SavedReflection(True, 4, text)}))
    assert f"{fnv6('R1')}s44:{text}" in data
    assert saved_reflections(data)[fnv6("R1")].text == text
