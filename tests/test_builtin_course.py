"""The built-in course validates cleanly and meets the product's minimums, so content cannot silently regress."""

from __future__ import annotations

import json
import re
from collections import Counter

from zhineng.modules.course import Course
from zhineng.modules.coverage import coverage, coverage_gaps
from zhineng.quizzes.model import QUESTION_TYPES


def test_validate_says_what_it_checked_and_exits_0(cli, builtin_course: Course) -> None:  # type: ignore[no-untyped-def]
    run = cli("validate")
    assert (run.code, run.out) == (0, "")
    lessons = sum(len(m.lessons) for m in builtin_course.modules)
    questions = sum(len(m.questions) for m in builtin_course.modules)
    reflections = sum(len(m.reflections) for m in builtin_course.modules)
    tasks = sum(len(m.tasks) for m in builtin_course.modules)
    assert run.err == (
        f"valid: 3 modules, {lessons} lessons, {questions} questions, {reflections} reflections, "
        f"{tasks} task{'' if tasks == 1 else 's'}, 0 warnings\n"
    )
    quiet = cli("validate", "-q")
    assert (quiet.code, quiet.out, quiet.err) == (0, "", "")


def test_coverage_minimums_are_met(builtin_course: Course) -> None:
    assert coverage_gaps(builtin_course) == []


def test_coverage_json_shows_the_minimums(cli, builtin_course: Course) -> None:  # type: ignore[no-untyped-def]
    run = cli("coverage", "--format", "json", "--check")
    assert (run.code, run.err) == (0, "")
    rows = json.loads(run.out)
    knowledge = [r for r in rows if r["kind"] == "knowledge"]
    assert len(knowledge) == 17
    assert all(r["questions"] >= 5 and r["applied"] >= 2 for r in knowledge)
    assert all(r["reflections"] >= 2 for r in rows if r["kind"] == "attitude")
    assert all(r["lessons"] >= 1 for r in rows if r["kind"] == "activity")


def test_one_module_per_task_each_with_two_reflections(builtin_course: Course) -> None:
    assert [m.task for m in builtin_course.modules] == ["T1", "T2", "T3"]
    assert all(len(m.reflections) >= 2 for m in builtin_course.modules)


def test_every_activity_has_its_own_lesson_of_real_length(builtin_course: Course) -> None:
    lessons = {lesson.activity: lesson for _, lesson in builtin_course.lessons()}
    assert set(lessons) == set(builtin_course.standard.activities)
    for activity, lesson in lessons.items():
        chinese = len(re.findall(r"[\u4e00-\u9fff]", lesson.body))
        assert chinese >= 800, f"{activity}: {chinese} Chinese characters"


def test_question_bank_size_and_types(builtin_course: Course) -> None:
    types = Counter(q.type for _, q in builtin_course.questions())
    assert sum(types.values()) >= 90
    assert set(types) == set(QUESTION_TYPES)


def test_every_question_names_k_and_evidences_p(builtin_course: Course) -> None:
    for _, q in builtin_course.questions():
        assert q.knowledge, q.id
        assert q.indicators, q.id


def test_coverage_rows_cover_the_whole_standard(builtin_course: Course) -> None:
    assert [r.id for r in coverage(builtin_course)] == [i.id for i in builtin_course.standard.items()]


def test_answer_keys_show_no_pattern_a_learner_could_exploit(builtin_course: Course) -> None:
    for module in builtin_course.modules:
        positions = Counter(
            [c.correct for c in q.choices].index(True) for q in module.questions if q.type == "single_choice"
        )
        total = sum(positions.values())
        assert max(positions.values()) <= total / 2, (
            f"{module.id}: correct option positions {dict(positions)}"
        )
    answers = Counter(q.answer for _, q in builtin_course.questions() if q.type == "true_false")
    assert min(answers[True], answers[False]) >= 0.3 * sum(answers.values()), dict(answers)
