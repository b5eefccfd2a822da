"""Building a course and its packages runs with the cyclic collector paused, and resumes it after.

Each full collection walks every live object, so with the collector on, validate and export grew faster
than the course (bench/bench_core.py measures the scaling; nothing here is timed).
"""

from __future__ import annotations

import gc
from dataclasses import replace
from typing import Any

import pytest
from zhineng.modules.course import Course
from zhineng.modules.course_files import read_source
from zhineng.modules.loader import load_course

from zhineng.exporters import EXPORTERS, ExportOptions, export


def test_loading_a_course_pauses_the_collector() -> None:
    seen: list[bool] = []

    def reading(path: Any) -> Any:
        seen.append(gc.isenabled())
        return read_source(path)

    load_course(read=reading)
    assert seen and not any(seen)
    assert gc.isenabled()


def test_exporting_pauses_the_collector(monkeypatch: pytest.MonkeyPatch, builtin_course: Course) -> None:
    seen: list[bool] = []
    probe = replace(EXPORTERS["olx"], build=lambda course, options: seen.append(gc.isenabled()) or [])
    monkeypatch.setitem(EXPORTERS, "olx", probe)
    export("olx", builtin_course, ExportOptions())
    assert seen == [False]
    assert gc.isenabled()
