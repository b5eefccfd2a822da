"""The Open edX course (OLX) export: a function of the Course, returning files; never imported by the blocks.

Layout: a chapter per task (module), a sequential per activity with a vertical per lesson (native `html`),
one for the activity's quiz and one per reflection; after it, when the activity has performance tasks, a
sequential of their ORA2 assessments (graded apart: a rubric's points never mix into a quiz's score);
a last chapter with the progress block; a grading policy that counts every activity quiz (and task);
course metadata in zh-TW.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..files import OutFile, tar_gz_bytes
from ..modules.course import Course
from ..modules.model import Module, Reflection
from ..modules.standard import Activity
from .course_image import course_image_png
from .elements import progress_element, quiz_element, reflection_element
from .ora import openassessment_element, task_title
from .url_names import url_name

ROOT = "course"
GRADED_TYPE = "測驗"
TASK_TYPE = "實作評量"
COURSE_IMAGE = "course_image.png"
ADVANCED_MODULES = ["zhineng_quiz", "zhineng_reflection", "zhineng_progress"]


@dataclass(frozen=True)
class CourseKey:
    org: str = "zhineng"
    number: str = "ECMKT"
    run: str = "2026"
    start: str = "2026-01-01T00:00:00Z"  # fixed, so the export is reproducible
    end: str = "2027-12-31T00:00:00Z"


def _xml(element: ET.Element) -> bytes:
    ET.indent(element)
    return (ET.tostring(element, encoding="unicode") + "\n").encode("utf-8")


class _Writer:
    def __init__(self) -> None:
        self.files: list[OutFile] = []

    def add(self, path: str, data: bytes) -> None:
        self.files.append(OutFile(f"{ROOT}/{path}", data))

    def pointer(self, parent: ET.Element, tag: str, name: str, definition: ET.Element) -> None:
        """Open edX's pointer style: `<tag url_name=.../>` in the parent, the definition in tag/name.xml."""
        ET.SubElement(parent, tag, {"url_name": name})
        self.add(f"{tag}/{name}.xml", _xml(definition))


def olx_course(course: Course, key: CourseKey | None = None) -> list[OutFile]:
    key = key or CourseKey()
    w = _Writer()
    std = course.standard
    title = f"{std.title}：職能導向線上課程"
    root = ET.Element(
        "course",
        {
            "display_name": title,
            "language": "zh-TW",
            "start": key.start,
            "end": key.end,
            "course_image": COURSE_IMAGE,
        },
    )
    graded = Graded()
    for module in course.modules:
        _chapter(w, root, course, module, key, graded)
    _progress_chapter(w, root, course)

    w.add(
        "course.xml", _xml(ET.Element("course", {"url_name": key.run, "org": key.org, "course": key.number}))
    )
    w.add(f"course/{key.run}.xml", _xml(root))
    policy = {
        f"course/{key.run}": {
            "advanced_modules": ADVANCED_MODULES,
            "show_calculator": False,
        }
    }
    w.add(f"policies/{key.run}/policy.json", _json(policy))
    w.add(f"policies/{key.run}/grading_policy.json", _json(_grading_policy(graded)))
    w.add(f"static/{COURSE_IMAGE}", course_image_png())
    w.add("about/overview.html", f"<p>{_escape(std.job_description)}</p>\n".encode())
    w.add("about/short_description.html", f"{_escape(std.title)}（{_escape(std.title_en)}）\n".encode())
    return sorted(w.files, key=lambda f: f.path)


@dataclass
class Graded:
    """How many graded sequentials of each assignment type the course has."""

    quizzes: int = 0
    tasks: int = 0


def _chapter(
    w: _Writer, root: ET.Element, course: Course, module: Module, key: CourseKey, graded: Graded
) -> None:
    task = course.standard.task(module.task)
    chapter = ET.Element("chapter", {"display_name": f"{task.label} {module.title}"})
    for act in task.activities:
        _activity_sequential(w, chapter, course, module, act, graded)
        graded.tasks += _task_sequential(w, chapter, course, module, act.id, key)
    loose = [r for r in module.reflections if not r.activity]
    if loose:
        seq = ET.Element("sequential", {"display_name": f"{task.label} 反思"})
        for r in loose:
            _reflection_vertical(w, seq, r)
        w.pointer(chapter, "sequential", url_name(module.id, "reflections"), seq)
    w.pointer(root, "chapter", url_name(module.id), chapter)


def _activity_sequential(
    w: _Writer, chapter: ET.Element, course: Course, module: Module, act: Activity, graded: Graded
) -> None:
    lessons = [lesson for lesson in module.lessons if lesson.activity == act.id]
    has_quiz = any(q.activity == act.id for q in module.questions)
    reflections = [r for r in module.reflections if r.activity == act.id]
    if not (lessons or has_quiz or reflections):
        return
    attrs = {"display_name": f"{act.label} {act.title}"}
    if has_quiz:
        attrs.update({"graded": "true", "format": GRADED_TYPE})
        graded.quizzes += 1
    seq = ET.Element("sequential", attrs)
    for lesson in lessons:
        vertical = ET.Element("vertical", {"display_name": lesson.title})
        name = url_name(lesson.id)
        ET.SubElement(vertical, "html", {"url_name": name})
        w.add(f"html/{name}.xml", _xml(ET.Element("html", {"filename": name, "display_name": lesson.title})))
        w.add(f"html/{name}.html", lesson.html.encode("utf-8"))
        w.pointer(seq, "vertical", url_name(lesson.id, "v"), vertical)
    if has_quiz:
        # Named alone, in the gradebook and the progress page, so two "T1.5" quizzes must differ.
        quiz_title = f"{course.standard.distinct_label(act.id)} 測驗"
        vertical = ET.Element("vertical", {"display_name": quiz_title})
        vertical.append(
            quiz_element(module, act.id, quiz_title, url_name=url_name(module.id, act.id, "quiz"))
        )
        w.pointer(seq, "vertical", url_name(module.id, act.id, "quiz", "v"), vertical)
    for r in reflections:
        _reflection_vertical(w, seq, r)
    w.pointer(chapter, "sequential", url_name(module.id, act.id), seq)


def _task_sequential(
    w: _Writer, chapter: ET.Element, course: Course, module: Module, activity: str, key: CourseKey
) -> int:
    """The activity's performance tasks, one unit each, in a sequential of their own; 1 if there was one."""
    tasks = [t for t in module.tasks if t.activity == activity]
    if not tasks:
        return 0
    std = course.standard
    seq = ET.Element(
        "sequential",
        {
            "display_name": f"{std.distinct_label(activity)} {TASK_TYPE}",
            "graded": "true",
            "format": TASK_TYPE,
        },
    )
    for t in tasks:
        vertical = ET.Element("vertical", {"display_name": task_title(std, t)})
        vertical.append(openassessment_element(std, t, start=key.start, due=key.end))
        w.pointer(seq, "vertical", url_name(t.id, "v"), vertical)
    w.pointer(chapter, "sequential", url_name(module.id, activity, "tasks"), seq)
    return 1


def _reflection_vertical(w: _Writer, seq: ET.Element, r: Reflection) -> None:
    vertical = ET.Element("vertical", {"display_name": r.title or r.id})
    vertical.append(reflection_element(r, url_name=url_name(r.id)))
    w.pointer(seq, "vertical", url_name(r.id, "v"), vertical)


def _progress_chapter(w: _Writer, root: ET.Element, course: Course) -> None:
    title = "我的職能進度"
    vertical = ET.Element("vertical", {"display_name": title})
    vertical.append(
        progress_element(course.standard, title, [t for _m, t in course.tasks()], url_name="progress")
    )
    seq = ET.Element("sequential", {"display_name": title})
    w.pointer(seq, "vertical", "progress-v", vertical)
    chapter = ET.Element("chapter", {"display_name": title})
    w.pointer(chapter, "sequential", "progress-s", seq)
    w.pointer(root, "chapter", "progress-c", chapter)


def _grading_policy(graded: Graded) -> dict[str, object]:
    quizzes = {"type": GRADED_TYPE, "short_label": "測驗", "min_count": graded.quizzes, "drop_count": 0}
    if not graded.tasks:
        return {"GRADER": [{**quizzes, "weight": 1.0}], "GRADE_CUTOFFS": {"Pass": 0.6}}
    # Doing the work weighs as much as knowing about it; a course team can change the split in Studio.
    tasks = {"type": TASK_TYPE, "short_label": "實作", "min_count": graded.tasks, "drop_count": 0}
    return {"GRADER": [{**quizzes, "weight": 0.5}, {**tasks, "weight": 0.5}], "GRADE_CUTOFFS": {"Pass": 0.6}}


def _json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def export_olx(course: Course, key: CourseKey | None = None) -> tuple[str, bytes]:
    """(file name, reproducible tar.gz bytes) of the OLX course, for `zhineng export olx`."""
    key = key or CourseKey()
    return f"{key.org}-{key.number}-{key.run}.tar.gz", tar_gz_bytes(olx_course(course, key))
