"""What export refuses, validate refuses first, at the author's file and line (and with the same rule)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from zhineng.modules.course import Course
from zhineng.modules.course_files import display_path
from zhineng.scorm_export.budget import budget_input, worst_case
from zhineng.scorm_export.limits import SCORM12_TITLE_MAX
from zhineng.scorm_export.payload import content_hash, sco_payload

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests/fixtures/valid/module.yaml"
XSD12 = ROOT / "scorm_export/schemas/scorm12/imscp_rootv1p1p2.xsd"


def test_the_title_limit_is_the_scorm12_xsds() -> None:
    xsd = XSD12.read_text(encoding="utf-8")
    title_type = re.search(r'<xsd:simpleType name="titleType">(.*?)</xsd:simpleType>', xsd, re.S)
    assert title_type and f'<xsd:maxLength value="{SCORM12_TITLE_MAX}"/>' in title_type.group(1)


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_the_load_time_budget_is_the_export_budget(builtin_course: Course, version: str) -> None:
    for module in builtin_course.modules:
        activities = [a.id for a in builtin_course.standard.task(module.task).activities]
        light = budget_input(module, activities, version, content_hash(module))
        assert worst_case(light) == worst_case(sco_payload(builtin_course, module, version))  # type: ignore[arg-type]


def write_module(tmp_path: Path, change: dict[str, object]) -> Path:
    data = yaml.safe_load(VALID.read_text(encoding="utf-8"))
    data.update(change)
    path = tmp_path / "T1.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("length", "code"), [(SCORM12_TITLE_MAX, 0), (SCORM12_TITLE_MAX + 1, 1)])
def test_a_title_too_long_for_scorm12_fails_validate_at_its_line(
    cli, tmp_path: Path, length: int, code: int
) -> None:  # type: ignore[no-untyped-def]
    path = write_module(tmp_path, {"title": "標" * length})
    run = cli("validate", str(path))
    assert run.code == code, run.err
    if code:
        assert run.err.startswith(
            f"{display_path(path)}:3:1: title: the module's title has {length} characters; SCORM 1.2 allows at most 200"
        )
        assert cli("export", "--all", "--course", str(path), "--out", str(tmp_path / "dist")).err == run.err
        assert not (tmp_path / "dist").exists()


def test_a_module_whose_scorm12_state_cannot_fit_fails_validate_at_its_questions(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    question = {
        "type": "short_text",
        "activity": "T1.1",
        "knowledge": ["K1"],
        "explanation": "e",
        "accepted": ["a"],
        "feedback": {"correct": "ok", "incorrect": "ko"},
    }
    questions = [{"id": f"Q{i}", **question, "prompt": f"第 {i} 題"} for i in range(40)]
    path = write_module(tmp_path, {"questions": questions})
    run = cli("validate", str(path))
    assert run.code == 1
    line = next(
        i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text == "questions:"
    )
    assert run.err.startswith(f"{display_path(path)}:{line}:1: questions: scorm12 suspend_data could need ")
    assert "over the limit of 4096" in run.err
