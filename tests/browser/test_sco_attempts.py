"""Attempts, retry, per-part marks and the show-answer policy in the SCO, in a real browser against the real SCORM
API (scorm-again): the author's module default (2 attempts, `finished`) and per-question overrides (`always`,
`never`), as quizzes/attempts.py states them."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from launch import launch
from sco_checks import no_lms_errors
from zhineng.modules.course import Course

ORDERING = "T1-Q018"  # all-or-nothing, 5 items
MATCHING = "T1-Q020"  # partial, 6 premises
ALWAYS = "T1-Q023"  # ordering; show_answer: always
NEVER = "T1-Q019"  # single choice; attempts: 1, show_answer: never
OVERRIDES = {ALWAYS: {"show_answer": "always"}, NEVER: {"attempts": 1, "show_answer": "never"}}
FOCUSED = """() => ({action: document.activeElement.dataset.action || null,
                    outcome: document.activeElement.dataset.outcome || null})"""


def course_with_attempts(course: Course) -> Course:
    module = course.module("T1")
    questions = [q.model_copy(update=OVERRIDES.get(q.id, {})) for q in module.questions]
    changed = module.model_copy(update={"attempts": 2, "show_answer": "finished", "questions": questions})
    return replace(course, modules=tuple(changed if m.id == "T1" else m for m in course.modules))


@pytest.fixture(scope="module")
def course(builtin_course: Course) -> Course:
    return course_with_attempts(builtin_course)


def hook(qid: str) -> str:
    return f"[data-question-id={json.dumps(qid)}]"


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_retry_marks_each_part_and_shows_the_key_when_attempts_are_over(
    version: str, course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, course, "T1", version)
    frame = learner.page.main_frame.child_frames[0]
    questions = {q["id"]: q for q in learner.payload["questions"]}
    q = questions[ORDERING]
    assert (q["attempts"], q["show_answer"]) == (2, "finished")
    learner.goto(q["activity"])
    section = learner.sco.locator(f"section{hook(ORDERING)}")
    texts = {i["id"]: i["text"] for i in q["items"]}

    # First attempt, wrong: each item marked (icon and words), the wrong ones named in the live outcome; no key
    # and no explanation yet (finished: not correct, an attempt left); a Retry button.
    learner.answer(q, right=False)
    wrong_order = list(reversed(q["answer"]))
    marks = section.locator("ol.ordering > li .part-mark").evaluate_all(
        "els => els.map(e => [e.dataset.mark, e.textContent])"
    )
    expected = [
        ("right", "✓（位置正確）") if item == q["answer"][i] else ("wrong", "✗（位置不對）")
        for i, item in enumerate(wrong_order)
    ]
    assert [tuple(m) for m in marks] == expected
    summary = section.locator(".part-summary").inner_text()
    out_of_place = [texts[item] for i, item in enumerate(wrong_order) if item != q["answer"][i]]
    assert summary == "位置不對的項目：" + "、".join(out_of_place)
    outcome = section.locator(".outcome")
    assert outcome.get_attribute("role") == "status"  # the summary is announced with the verdict
    assert "第 1 次作答，共 2 次" in outcome.inner_text()
    assert section.locator(".key").is_hidden()
    assert frame.evaluate(FOCUSED) == {"action": None, "outcome": ORDERING}

    # Retry: the controls come back holding the last order, the marks go, focus lands on the first control.
    section.locator("[data-action=retry]").click()
    assert section.locator(".part-mark").count() == 0
    assert section.locator("[data-action=submit]").is_visible()
    assert frame.evaluate(FOCUSED)["action"] in ("move-up", "move-down")
    order = section.locator("ol.ordering > li").evaluate_all("els => els.map(e => e.dataset.choiceId)")
    assert order == wrong_order

    # Second attempt, wrong again: attempts over, so the right order and the explanation are shown; no Retry.
    section.locator("[data-action=submit]").click()
    section.locator(".key:not([hidden])").wait_for()
    assert section.locator("[data-action=retry]").count() == 0
    assert "第 2 次作答，共 2 次" in outcome.inner_text()
    key = section.locator(".key ol.key-order > li").all_inner_texts()
    assert key == [texts[i] for i in q["answer"]]
    assert section.locator(".key .explanation").is_visible()

    # Matching: some pairs wrong, then all right on the retry: the last attempt's score is the one kept.
    m = questions[MATCHING]
    msection = learner.sco.locator(f"section{hook(MATCHING)}")
    premises = [p["id"] for p in m["premises"]]
    others = {p: next(o["id"] for o in m["options"] if o["id"] != m["answer"][p]) for p in premises}
    for p in premises:
        option = m["answer"][p] if p == premises[0] else others[p]
        msection.locator(f"select[data-choice-id={json.dumps(p)}]").select_option(option)
    msection.locator("[data-action=submit]").click()
    msection.locator(".part-summary").wait_for()
    pairs = msection.locator(".match label .part-mark").evaluate_all("els => els.map(e => e.dataset.mark)")
    assert pairs == ["right"] + ["wrong"] * (len(premises) - 1)
    names = msection.locator(".match label").evaluate_all("els => els.map(e => e.textContent)")
    assert names[1].endswith("✗（配對不對）") and names[0].endswith("✓（配對正確）")
    assert msection.locator(".key").is_hidden()
    msection.locator("[data-action=retry]").click()
    for p in premises:
        msection.locator(f"select[data-choice-id={json.dumps(p)}]").select_option(m["answer"][p])
    msection.locator("[data-action=submit]").click()
    msection.locator(".key:not([hidden])").wait_for()  # finished: answered correctly
    assert msection.locator(".part-summary").count() == 0
    assert msection.locator(".verdict").inner_text().startswith("答對了")

    # never: one attempt, wrong, and neither the right choice nor the explanation is ever shown.
    n = questions[NEVER]
    learner.answer(n, right=False)
    nsection = learner.sco.locator(f"section{hook(NEVER)}")
    assert nsection.locator(".key").is_hidden()
    assert nsection.locator(".choice.is-right").count() == 0
    assert nsection.locator("[data-action=retry]").count() == 0
    assert nsection.locator(".attempts").count() == 0  # one attempt: nothing to count

    # always: the key on request before any answer.
    a = learner.sco.locator(f"section{hook(ALWAYS)}")
    assert a.locator(".key").is_hidden()
    a.locator("[data-action=show-answer]").click()
    a_items = {i["id"]: i["text"] for i in questions[ALWAYS]["items"]}
    assert a.locator(".key ol.key-order > li").all_inner_texts() == [
        a_items[i] for i in questions[ALWAYS]["answer"]
    ]

    cmi = learner.quit()
    no_lms_errors(learner)
    records = [i for i in cmi["interactions"].values() if i["id"] in (ORDERING, MATCHING)]
    results = [(r["id"], r["result"]) for r in records]
    wrong = "wrong" if version == "scorm12" else "incorrect"
    assert results == [(ORDERING, wrong), (ORDERING, wrong), (MATCHING, wrong), (MATCHING, "correct")]

    # Resume: each question as its last attempt left it, with its attempts counted.
    again = launch(browser, serve, tmp_path / "again", course, "T1", version, cmi=cmi)
    again.goto(q["activity"])
    s = again.sco.locator(f"section{hook(ORDERING)}")
    assert "第 2 次作答，共 2 次" in s.locator(".outcome").inner_text()
    assert s.locator("[data-action=retry]").count() == 0 and s.locator(".key").is_visible()
    ms = again.sco.locator(f"section{hook(MATCHING)}")
    assert ms.locator(".verdict").inner_text().startswith("答對了")
    assert ms.locator("[data-action=retry]").count() == 0
    again.quit()


def test_an_attempt_left_survives_a_relaunch(
    course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, course, "T1", "scorm12")
    q = next(q for q in learner.payload["questions"] if q["id"] == ORDERING)
    learner.goto(q["activity"])
    learner.answer(q, right=False)
    cmi = learner.quit()
    again = launch(browser, serve, tmp_path / "again", course, "T1", "scorm12", cmi=cmi)
    again.goto(q["activity"])
    section = again.sco.locator(f"section{hook(ORDERING)}")
    assert "第 1 次作答，共 2 次" in section.locator(".outcome").inner_text()
    section.locator("[data-action=retry]").click()
    again.answer(q, right=True)
    assert section.locator(".verdict").inner_text().startswith("答對了")
    assert "第 2 次作答，共 2 次" in section.locator(".outcome").inner_text()
    again.quit()
