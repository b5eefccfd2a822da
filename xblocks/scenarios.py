"""Workbench scenarios: one per block, and one per module of the built-in course.

Imported only by the blocks' `workbench_scenarios` (the workbench calls them); loads the built-in course lazily.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache

from ..modules.course import Course
from ..olx_export.elements import progress_element, quiz_element, reflection_element, to_xml

QUIZ_IDS = (
    "T1-Q006,T1-Q002"  # a true/false and a numeric question: easy to answer right and wrong in a browser
)
PARTS_IDS = "T1-Q018,T1-Q020"  # an ordering and a matching question: each part marked right or wrong


@lru_cache(maxsize=1)
def _course() -> Course:
    from ..modules.loader import load_course

    return load_course()


def quiz_scenarios() -> list[tuple[str, str]]:
    module = _course().modules[0]
    # The activity with the most question types, so one page exercises every input the quiz has.
    activity = max(
        dict.fromkeys(q.activity for q in module.questions),
        key=lambda a: len({q.type for q in module.questions if q.activity == a}),
    )
    return [
        (
            "zhineng quiz: two questions",
            f'<zhineng_quiz display_name="兩題小測驗" selection_kind="ids" selection="{QUIZ_IDS}" '
            'max_attempts="2" show_answer="finished"/>',
        ),
        ("zhineng quiz: one activity", to_xml(quiz_element(module, activity, f"{activity} 測驗"))),
        (
            "zhineng quiz: ordering and matching, two attempts",
            f'<zhineng_quiz display_name="排序與配對" selection_kind="ids" selection="{PARTS_IDS}" '
            'max_attempts="2" show_answer="finished"/>',
        ),
    ]


def reflection_scenarios() -> list[tuple[str, str]]:
    reflection = _course().modules[0].reflections[0]
    return [("zhineng reflection", to_xml(reflection_element(reflection)))]


def progress_scenarios() -> list[tuple[str, str]]:
    course = _course()
    scenarios = [("zhineng progress: quiz and reflection", _progress_demo(course))]
    for module in course.modules:
        scenarios.append((f"zhineng module {module.id}", _module_xml(course, module.id)))
    return scenarios


def _progress_demo(course: Course) -> str:
    root = ET.Element("vertical_demo")
    root.append(
        ET.fromstring(
            f'<zhineng_quiz display_name="兩題小測驗" selection_kind="ids" selection="{QUIZ_IDS}"/>'
        )
    )
    root.append(reflection_element(course.modules[0].reflections[0]))
    root.append(progress_element(course.standard, "我的職能進度"))
    return to_xml(root)


def _module_xml(course: Course, module_id: str) -> str:
    module = course.module(module_id)
    task = course.standard.task(module.task)
    root = ET.Element("vertical_demo")
    for act in task.activities:
        if any(q.activity == act.id for q in module.questions):
            root.append(quiz_element(module, act.id, f"{act.label} {act.title}"))
        for r in module.reflections:
            if r.activity == act.id:
                root.append(reflection_element(r))
    for r in module.reflections:
        if not r.activity:
            root.append(reflection_element(r))
    root.append(progress_element(course.standard, f"{module.title}：我的進度", module.tasks))
    return to_xml(root)
