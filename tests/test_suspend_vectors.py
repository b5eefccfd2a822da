"""The reports' suspend_data decoder (reports/suspend.py) on the strings the runtime's encoder wrote
(tests/fixtures/suspend_vectors.json; tests/js/state.test.js checks the encoder still writes exactly these)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from zhineng.reports.suspend import fnv6, saved_reflections

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
