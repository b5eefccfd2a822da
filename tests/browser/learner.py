"""A scripted learner: drives the SCO through its data-* hooks, as QA automation would."""

from __future__ import annotations

import json
from typing import Any

from zhineng.quizzes.types import TYPES


def model_question(q: dict[str, Any]) -> Any:
    """The course's question back from its entry in the SCO's payload (scorm_export/payload.py: the model's own
    keys, the Markdown sent as HTML, and what the runtime adds)."""
    model = TYPES[q["type"]].model
    own = {k: v for k, v in q.items() if k in model.model_fields}
    return model.model_validate({**own, "prompt": q["prompt_html"], "explanation": q["explanation_html"]})


class Learner:
    def __init__(self, page: Any, payload: dict[str, Any]) -> None:
        self.page = page
        self.payload = payload
        self.sco = page.frame_locator("#sco")

    # --- the LMS side (the wrapper page) ---

    def lms(self, what: str) -> Any:
        return self.page.evaluate(f"window.lms.{what}")

    def quit(self) -> dict[str, Any]:
        """Close the SCO the way a learner closing the window does, and return the CMI the LMS kept."""
        self.page.evaluate("document.getElementById('sco').src = 'about:blank'")
        self.page.wait_for_function("window.lms.finishes >= 1")
        return self.lms("committed")["cmi"]  # type: ignore[no-any-return]

    # --- the SCO side ---

    def ready(self) -> Learner:
        self.sco.locator("html[data-ready=true]").wait_for()
        return self

    def goto(self, key: str) -> None:
        folded = self.sco.locator("[data-action=toggle-pages][aria-expanded=false]")
        if folded.is_visible():  # a phone: the page list opens from its bar first
            folded.click()
        self.sco.locator(f"[data-action=goto][data-page={json.dumps(key)}]").click()
        self.sco.locator(f"main[data-page={json.dumps(key)}]").wait_for()

    def visit_all(self) -> None:
        for key in ["overview", *self.payload["objectives"]["activities"]]:
            self.goto(key)

    def pages_with(self, kind: str) -> dict[str, list[dict[str, Any]]]:
        acts = self.payload["objectives"]["activities"]
        out: dict[str, list[dict[str, Any]]] = {}
        for item in self.payload[kind]:
            key = item.get("activity") if item.get("activity") in acts else "reflections"
            out.setdefault(key, []).append(item)
        return out

    def answer(self, q: dict[str, Any], right: bool = True) -> None:
        """Give the question its type's right (or wrong) response, the way its type says a learner gives it in the
        SCO's widget (the unit's sco_steps in quizzes/types/), then submit and wait for the verdict."""
        unit = TYPES[q["type"]]
        question = model_question(q)
        response = unit.right_response(question) if right else unit.wrong_response(question)
        hook = f"[data-question-id={json.dumps(q['id'])}]"
        for step in unit.sco_steps(question, response):
            at = hook + (f"[data-choice-id={json.dumps(step.choice)}]" if step.choice is not None else "")
            if step.action == "check":
                self.sco.locator(at).check()
            elif step.action == "fill":
                self.sco.locator(f"{at}[data-action=input]").fill(step.value)
            elif step.action == "select":
                self.sco.locator(at).select_option(step.value)
            else:
                self._order(q, step.value)
        self.sco.locator(f"{hook}[data-action=submit]").click()
        self.sco.locator(f"{hook}.is-correct, {hook}.is-incorrect").wait_for()

    def _order(self, q: dict[str, Any], target: list[str]) -> None:
        hook = f"[data-question-id={json.dumps(q['id'])}]"
        for position, item in enumerate(target):
            while True:
                order = self.sco.locator(f"{hook} ol.ordering > li").evaluate_all(
                    "els => els.map(e => e.dataset.choiceId)"
                )
                if order.index(item) == position:
                    break
                self.sco.locator(f"{hook}[data-action=move-up][data-choice-id={json.dumps(item)}]").click()

    def reflect(self, r: dict[str, Any], text: str | None = None, rating: int = 4) -> None:
        hook = f"[data-reflection-id={json.dumps(r['id'])}]"
        self.sco.locator(f"{hook}[data-action=reflect]").fill(
            text or "我會逐項檢查。" * (r["min_length"] // 5 + 1)
        )
        self.sco.locator(f"{hook}[data-action=rate][data-choice-id='{rating}']").check()
        self.sco.locator(f"{hook}[data-action=submit-reflection]").click()

    # --- performance tasks ---

    def task_hook(self, task: dict[str, Any]) -> str:
        return f"[data-task-id={json.dumps(task['id'])}]"

    def write_task(self, task: dict[str, Any], text: str = "") -> None:
        """Fill every field of the deliverable: a text past min_length, two table rows, every box, a link."""
        hook = self.task_hook(task)
        control = self.sco.locator
        for f in task["deliverable"]:
            at = f"{hook}[data-field-id={json.dumps(f['id'])}]"
            if f["type"] == "long_text":
                words = text or "本週主打商品頁已依實品核對品名、容量與產地。" * (f["min_length"] // 20 + 1)
                control(f"{at}[data-action=task-text]").fill(words[: f["max_length"]])
            elif f["type"] == "link":
                control(f"{at}[data-action=task-link]").fill("https://shop.example.com.tw/p/1")
            elif f["type"] == "checklist":
                for item in f["items"]:
                    control(f"{at}[data-item-id={json.dumps(item['id'])}]").check()
            else:
                inputs = [c for c in f["columns"] if not c.get("formula")]
                for row in range(max(f["rows"]["min"], 1)):
                    for c in inputs:
                        cell = control(
                            f"{at}[data-column-id={json.dumps(c['id'])}][data-action=task-cell]"
                        ).nth(row)
                        cell.fill(
                            "官網"
                            if c["type"] == "text"
                            else str(40 + 40 * row)
                            if c["type"] != "date"
                            else "2026-11-24"
                        )

    def autosaves(self) -> int:
        """How many debounced autosaves of a draft committed (each is one Commit)."""
        frame = self.page.main_frame.child_frames[0]
        return int(frame.evaluate("window.Zhineng.player.draftSaves"))

    def submit_task(self, task: dict[str, Any]) -> None:
        hook = self.task_hook(task)
        self.sco.locator(f"{hook}[data-action=submit-task]").click()
        self.sco.locator(f"[data-task-self-rating={json.dumps(task['id'])}]:not([hidden])").wait_for()

    def self_rate(self, task: dict[str, Any], level: int = 3) -> None:
        hook = self.task_hook(task)
        for c in task["rubric"]:
            pick = min(level, len(c["levels"]))
            self.sco.locator(
                f"{hook}[data-action=task-rate][data-criterion-id={json.dumps(c['id'])}][data-level='{pick}']"
            ).check()
        self.sco.locator(f"{hook}[data-action=submit-self-rating]").click()
        self.sco.locator(f"[data-task-exemplar={json.dumps(task['id'])}]:not([hidden])").wait_for()

    def do_task(self, task: dict[str, Any], level: int = 3) -> None:
        self.goto(f"task:{task['id']}")
        self.write_task(task)
        self.submit_task(task)
        self.self_rate(task, level)

    def do_everything(self, right: bool = True, reflection_text: str | None = None) -> None:
        questions = self.pages_with("questions")
        reflections = self.pages_with("reflections")
        self.visit_all()
        for key in [*self.payload["objectives"]["activities"], "reflections"]:
            if key not in questions and key not in reflections:
                continue
            self.goto(key)
            for q in questions.get(key, []):
                self.answer(q, right)
            for r in reflections.get(key, []):
                self.reflect(r, reflection_text)
        for task in self.payload.get("tasks", []):
            self.do_task(task)
