"""The OLX export: reproducible bytes, olxcleaner finds nothing, and our blocks survive export→import."""

from __future__ import annotations

import io
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from xblock.test.tools import blocks_are_equivalent
from zhineng.modules.course import Course
from zhineng.olx_export.package import export_olx, olx_course

from zhineng.files import OutFile, tar_gz_bytes

from .harness import Harness

OUR_BLOCKS = ("zhineng_quiz", "zhineng_reflection", "zhineng_progress")


@pytest.fixture(scope="module")
def exported(builtin_course: Course, tmp_path_factory: pytest.TempPathFactory) -> Path:
    _name, data = export_olx(builtin_course)
    folder = tmp_path_factory.mktemp("olx")
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(folder, filter="data")
    return folder / "course"


def test_tar_gz_is_reproducible_and_normalised() -> None:
    files = [OutFile("b/2.txt", b"two"), OutFile("a/1.txt", b"one")]
    data = tar_gz_bytes(files)
    assert data == tar_gz_bytes(list(reversed(files)))
    assert data[4:8] == b"\0\0\0\0"  # gzip header mtime
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        members = archive.getmembers()
    assert [m.name for m in members] == ["a/1.txt", "b/2.txt"]
    assert {(m.mtime, m.uid, m.gid, m.uname, m.gname, m.mode) for m in members} == {(0, 0, 0, "", "", 0o644)}
    with pytest.raises(ValueError, match="two files"):
        tar_gz_bytes([OutFile("a", b""), OutFile("a", b"")])


def test_export_is_reproducible(builtin_course: Course) -> None:
    name, first = export_olx(builtin_course)
    assert name == "zhineng-ECMKT-2026.tar.gz"
    assert export_olx(builtin_course)[1] == first


def test_olxcleaner_finds_no_errors(exported: Path) -> None:
    olxcleaner = pytest.importorskip("olxcleaner")
    course, errors, _urls = olxcleaner.validate(str(exported), steps=8, allowed_xblocks=list(OUR_BLOCKS))
    assert course is not None
    assert [f"{type(e).__name__}: {e.description}" for e in errors.errors] == []


def test_course_structure(builtin_course: Course, exported: Path) -> None:
    course = ET.parse(exported / "course" / "2026.xml").getroot()
    assert course.get("language") == "zh-TW" and "電子商務行銷企劃人員" in (course.get("display_name") or "")
    chapters = [c.get("url_name") for c in course]
    assert chapters == [m.id for m in builtin_course.modules] + ["progress-c"]
    t1 = ET.parse(exported / "chapter" / "T1.xml").getroot()
    activities = [a.id for a in builtin_course.standard.task("T1").activities]
    with_tasks = {t.activity for t in builtin_course.module("T1").tasks}
    # one sequential per activity, and one more after each activity that has performance tasks
    assert len(t1) == len(activities) + len(with_tasks)
    lessons = sorted(p.stem for p in (exported / "html").glob("*.xml"))
    assert len(lessons) == sum(len(m.lessons) for m in builtin_course.modules)
    quizzes = list(exported.glob("vertical/*-quiz-v.xml"))
    questions = sum(len(ET.parse(v).getroot()[0].get("bank") or "") > 0 for v in quizzes)
    assert questions == len(quizzes) > 0
    assert (exported / "policies" / "2026" / "grading_policy.json").exists()
    assert (exported / "static" / "course_image.png").read_bytes().startswith(b"\x89PNG")


def our_elements(exported: Path) -> list[ET.Element]:
    found = []
    for vertical in sorted((exported / "vertical").glob("*.xml")):
        found += [el for el in ET.parse(vertical).getroot() if el.tag in OUR_BLOCKS]
    return found


def test_every_block_round_trips_through_xblock_export(exported: Path) -> None:
    """OLX -> block -> XBlock's own export -> block again: the same fields (openedx/XBlock test_parsing)."""
    h = Harness()
    elements = our_elements(exported)
    assert {e.tag for e in elements} == set(OUR_BLOCKS)
    for element in elements:
        block = h.parse(ET.tostring(element, encoding="unicode"))
        buffer = io.BytesIO()
        h.runtime.export_to_xml(block, buffer)
        again = h.runtime.get_block(h.runtime.parse_xml_string(buffer.getvalue()))
        assert blocks_are_equivalent(block, again), element.get("url_name")


def test_every_exported_block_renders_and_the_quizzes_grade(exported: Path, builtin_course: Course) -> None:
    h = Harness()
    keys = {q.id: q for _m, q in builtin_course.questions()}
    for element in our_elements(exported):
        block = h.parse(ET.tostring(element, encoding="unicode"))
        assert "zhineng" in h.html(block)
        if element.tag == "zhineng_quiz":
            stored = [q.id for q in block.questions()]
            assert stored and all(keys[i] == q for i, q in zip(stored, block.questions(), strict=True))


def test_olx_course_paths_are_clean(builtin_course: Course) -> None:
    paths = [f.path for f in olx_course(builtin_course)]
    assert paths == sorted(paths) and len(paths) == len(set(paths))
    assert all(p.startswith("course/") for p in paths)
