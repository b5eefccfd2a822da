"""The quiz block: questions from a bank, graded on the server by the one grader, scored per K item."""

from __future__ import annotations

import contextlib
from typing import Any

from web_fragments.fragment import Fragment
from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError
from xblock.fields import Dict, Float, Integer, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score

from ..quizzes.attempts import SHOW_ANSWER, SHOW_ANSWER_LABELS, AttemptRule
from ..quizzes.grader import ResponseError, Result, grade
from ..quizzes.model import Question
from ..quizzes.status import Status
from . import inputs, render, widgets
from .bank import SELECTION_KINDS, Bank, BankError, builtin_banks, select, stored_bank
from .i18n import _, translate_all
from .public import public_question, revealed_answer
from .quiz_attempts import block_rule, is_open, outcome_entry, tries_of
from .standing import quiz_knowledge
from .studio_form import Setting, studio_fragment

KNOWLEDGE_EVENT = "zhineng.knowledge.assessed"

STRINGS = {
    "submit": _("Submit answers"),
    "score": _("Score"),
    "attempt_of": _("Attempt {n} of {max}"),
    "attempt_n": _("Attempt {n}"),
    "retry": _("Retry"),
    "show_answer": _("Show answer"),
    "correct": _("Correct"),
    "incorrect": _("Not quite"),
    "partly": _("Partly correct"),
    "answer": _("Answer"),
    "explanation": _("Explanation"),
    "your_answer": _("Your answer"),
    "unanswered": _("Answer every question before submitting."),
    "no_attempts": _("You have used all your attempts."),
    "saved": _("Submitted."),
    "error": _("Could not submit"),
    "points": _("points"),
    "no_questions": _("This quiz has no questions yet."),
}


@XBlock.needs("i18n")
class QuizBlock(CompletableXBlockMixin, ScorableXBlockMixin, XBlock):  # type: ignore[misc]  # XBlock ships no type information
    """Questions picked by module, activity, K item or id; graded on the server; publishes `grade`."""

    display_name = String(
        display_name=_("Display name"),
        help=_("The title learners see."),
        default=_("Quiz"),
        scope=Scope.settings,
        enforce_type=True,
    )
    selection_kind = String(
        display_name=_("Select questions by"),
        help=_("module, activity, knowledge (a K item) or ids (a list of question ids)."),
        default="module",
        values=SELECTION_KINDS,
        scope=Scope.settings,
        enforce_type=True,
    )
    selection = String(
        display_name=_("Selection"),
        help=_("The module, activity or K id, or question ids separated by commas."),
        default="",
        scope=Scope.settings,
        enforce_type=True,
    )
    weight = Float(
        display_name=_("Weight"),
        help=_("How many points this quiz is worth in the course grade."),
        default=1.0,
        values={"min": 0},
        scope=Scope.settings,
        enforce_type=True,
    )
    max_attempts = Integer(
        display_name=_("Maximum attempts"),
        help=_(
            "Attempts at each question; 0 means no limit. Empty: as the course file sets it for each question."
        ),
        default=None,
        values={"min": 0},
        scope=Scope.settings,
        enforce_type=True,
    )
    show_answer = String(
        display_name=_("Show answer"),
        help=_(
            "When the answer is shown (Open edX's names). Empty: as the course file sets it for each question."
        ),
        default="",
        values=("", *SHOW_ANSWER),
        scope=Scope.settings,
        enforce_type=True,
    )
    bank = Dict(
        display_name=_("Question bank"),
        help=_("Imported questions (module, mastery, questions); empty means the built-in banks."),
        default={},
        scope=Scope.content,
        enforce_type=True,
    )
    attempts = Integer(help=_("Submissions so far."), default=0, scope=Scope.user_state, enforce_type=True)
    # One record, written at once: each question's last response and result and its attempts used, per-K
    # standing, score. (A field per part would cost a storage round trip each; it is always read whole.)
    submission = Dict(
        help=_(
            "Each question's last response, result and attempts used, the standing per K item, and the score."
        ),
        default={},
        scope=Scope.user_state,
        enforce_type=True,
    )

    icon_class = "problem"

    @property
    def responses(self) -> dict[str, Any]:
        return dict(self.submission.get("responses", {}))

    @property
    def results(self) -> dict[str, Any]:
        return dict(self.submission.get("results", {}))

    @property
    def knowledge(self) -> dict[str, Any]:
        return dict(self.submission.get("knowledge", {}))

    # --- questions -------------------------------------------------------------------------------

    def banks(self) -> tuple[Bank, ...]:
        return (stored_bank(self.bank),) if self.bank else builtin_banks()

    def selected(self) -> list[tuple[Bank, Question]]:
        return select(self.banks(), self.selection_kind, self.selection)

    def questions(self) -> list[Question]:
        return [q for _b, q in self.selected()]

    def rules(self, selected: list[tuple[Bank, Question]]) -> dict[str, AttemptRule]:
        """Each question's attempts and show-answer policy: the course file's, or this block's override."""
        return {q.id: block_rule(b, q, self.max_attempts, self.show_answer) for b, q in selected}

    # --- views -----------------------------------------------------------------------------------

    def student_view(self, context: dict[str, Any] | None = None) -> Fragment:
        t = translate_all(self, {**STRINGS, **widgets.block_strings()})
        try:
            selected = self.selected()
            problem = ""
        except BankError as exc:
            selected, problem = [], str(exc)
        questions = [q for _b, q in selected]
        rules = self.rules(selected)
        prefix = render.dom_prefix(self)
        views = [public_question(q) for q in questions]
        for n, view in enumerate(views, start=1):
            view["dom_id"] = f"{prefix}-{n}"
            view["widget_html"] = widgets.widget_html(view, view["dom_id"], t)
        init = {
            "strings": t,
            "questions": [{"id": v["id"], "type": v["type"]} for v in views],
            "last": self._last_outcome(selected) if self.attempts else None,
            "responses": self.responses,
            # show_answer "always": the key on request, before any answer too.
            "keys": {q.id: revealed_answer(q) for q in questions if rules[q.id].show_answer == "always"},
        }
        ctx = {
            "t": t,
            "title": self.display_name,
            "prefix": prefix,
            "questions": views,
            "problem": problem,
        }
        readers = widgets.reader_scripts(v["type"] for v in views)
        return render.fragment("quiz.html", ctx, "quiz.js", "ZhinengQuizBlock", init, readers)

    def studio_view(self, context: dict[str, Any] | None = None) -> Fragment:
        t = translate_all(self, STUDIO_STRINGS)
        stored = len(self.bank.get("questions", [])) if self.bank else 0
        settings = [
            Setting("display_name", t["display_name"], value=self.display_name),
            Setting(
                "selection_kind",
                t["selection_kind"],
                "select",
                value=self.selection_kind,
                options=tuple((k, t[k]) for k in SELECTION_KINDS),
            ),
            Setting("selection", t["selection"], value=self.selection, help=t["selection_help"]),
            Setting(
                "weight", t["weight"], data_type="number", value=self.weight, attrs=' min="0" step="any"'
            ),
            Setting(
                "max_attempts",
                t["max_attempts"],
                data_type="int",
                value="" if self.max_attempts is None else self.max_attempts,
                help=t["max_attempts_help"],
                attrs=' min="0" step="1"',
            ),
            Setting(
                "show_answer",
                t["show_answer"],
                "select",
                value=self.show_answer,
                options=(("", t["as_course"]), *((p, t[p]) for p in SHOW_ANSWER)),
            ),
            Setting("use_builtin", t["use_builtin"], "checkbox", "bool", help=f"{t['stored']}: {stored}"),
            Setting("yaml", t["yaml"], "textarea", rows=10),
        ]
        return studio_fragment(self, settings, t)

    # --- handlers --------------------------------------------------------------------------------

    @inputs.json_handler
    def submit(self, data: Any, suffix: str = "") -> dict[str, Any]:
        body = inputs.require_object(data)
        inputs.reject_unknown_keys(body, {"answers"})
        answers = inputs.require_object(body.get("answers"), "'answers'")
        try:
            selected = self.selected()
        except BankError as exc:
            raise JsonHandlerError(409, f"this quiz is misconfigured: {exc}") from None
        rules = self.rules(selected)
        tries = tries_of(self.submission, self.attempts)
        last = self.results
        open_ids = {q.id for _b, q in selected if is_open(rules[q.id], tries.get(q.id, 0), last.get(q.id))}
        if not open_ids:
            raise JsonHandlerError(403, "no attempts left")
        closed = [qid for qid in answers if qid in rules and qid not in open_ids]
        if closed:
            raise inputs.bad_request(f"question {closed[0]} has no attempt left")
        results = self._grade([q for _b, q in selected if q.id in open_ids], answers)
        return self._record(selected, answers, results, tries)

    @inputs.json_handler
    def studio_submit(self, data: Any, suffix: str = "") -> dict[str, Any]:
        body = inputs.require_object(data)
        inputs.reject_unknown_keys(body, {*STUDIO_FIELDS, "yaml", "use_builtin"})
        from .studio_quiz import apply_settings  # studio code stays out of the learner's path

        return apply_settings(self, body)

    def _grade(self, questions: list[Question], answers: dict[str, Any]) -> dict[str, Result]:
        known = {q.id for q in questions}
        unknown = [qid for qid in answers if qid not in known]
        if unknown:
            raise inputs.bad_request(f"unknown question id '{str(unknown[0])[:40]}'")
        missing = [q.id for q in questions if q.id not in answers]
        if missing:
            raise inputs.bad_request(f"question {missing[0]} is not answered; answer every question")
        results: dict[str, Result] = {}
        for q in questions:
            try:
                results[q.id] = grade(q, answers[q.id])
            except ResponseError as exc:
                raise inputs.bad_request(f"question {q.id}: {exc}") from None
        return results

    def _record(
        self,
        selected: list[tuple[Bank, Question]],
        answers: dict[str, Any],
        results: dict[str, Result],
        tries: dict[str, int],
    ) -> dict[str, Any]:
        """Keep each answered question's new attempt beside the others' last: the last attempt counts."""
        groups: dict[str, tuple[Any, list[Question]]] = {}
        for b, q in selected:
            groups.setdefault(b.module_id, (b.mastery, []))[1].append(q)
        current = {q.id for _b, q in selected}
        kept = {qid: Result.from_dict(r) for qid, r in self.results.items() if qid in current}
        merged = {**kept, **results}
        score = Score(sum(r.score for r in merged.values()), sum(q.points for _b, q in selected))
        self.attempts += 1
        self.submission = {
            "responses": {**self.responses, **{qid: answers[qid] for qid in results}},
            "results": {qid: r.to_dict() for qid, r in merged.items()},
            "tries": {**tries, **{qid: tries.get(qid, 0) + 1 for qid in results}},
            "knowledge": quiz_knowledge(groups.values(), merged),
            "earned": float(score.raw_earned),
            "possible": float(score.raw_possible),
        }
        self._publish_grade(score)
        for k, s in self.knowledge.items():
            self.runtime.publish(self, KNOWLEDGE_EVENT, _knowledge_event(k, s, self.attempts))
        self.emit_completion(1.0)
        return self._last_outcome(selected)

    def _last_outcome(self, selected: list[tuple[Bank, Question]]) -> dict[str, Any]:
        """What the learner may see: each question's last result and attempts, and its key if policy allows."""
        results = self.results
        rules = self.rules(selected)
        tries = tries_of(self.submission, self.attempts)
        per_question = {
            q.id: outcome_entry(results[q.id], rules[q.id], tries.get(q.id, 0), revealed_answer(q))
            for _b, q in selected
            if q.id in results
        }
        still_open = any(is_open(rules[q.id], tries.get(q.id, 0), results.get(q.id)) for _b, q in selected)
        return {
            "score": self.submission.get("earned", 0.0),
            "max_score": self.submission.get("possible", 0.0),
            "attempts": self.attempts,
            "can_retry": still_open,
            "results": per_question,
            "knowledge": self.knowledge,
        }

    # --- ScorableXBlockMixin ---------------------------------------------------------------------

    def has_submitted_answer(self) -> bool:
        submitted: bool = self.attempts > 0
        return submitted

    def get_score(self) -> Score:
        return Score(self.submission.get("earned", 0.0), self.submission.get("possible", 0.0))

    def set_score(self, score: Score) -> None:
        self.submission = {
            **self.submission,
            "earned": float(score.raw_earned),
            "possible": float(score.raw_possible),
        }

    def calculate_score(self) -> Score:
        """Regrade the stored responses against the current questions (for a rescore after an edit)."""
        earned, possible = 0.0, 0.0
        responses = self.responses
        for q in self.questions():
            possible += q.points
            # A response to an edited question that no longer fits it earns nothing.
            if q.id in responses:
                with contextlib.suppress(ResponseError):
                    earned += grade(q, responses[q.id]).score
        return Score(earned, possible)

    def max_score(self) -> float:
        try:
            return float(sum(q.points for q in self.questions()))
        except BankError:
            return 0.0

    # --- for the progress block ------------------------------------------------------------------

    def progress_record(self) -> dict[str, Any]:
        groups = self.selected()
        return {
            "questions": [
                {"id": q.id, "activity": q.activity, "knowledge": list(q.knowledge), "points": q.points}
                for _b, q in groups
            ],
            "scores": {qid: r["score"] for qid, r in self.results.items()},
            "thresholds": {k: b.mastery.threshold_for(k) for b, q in groups for k in q.knowledge},
        }

    @staticmethod
    def workbench_scenarios() -> list[tuple[str, str]]:
        from .scenarios import quiz_scenarios

        return quiz_scenarios()


def _knowledge_event(knowledge_id: str, s: dict[str, Any], attempt: int) -> dict[str, Any]:
    return {
        "knowledge_id": knowledge_id,
        "score": s["earned"],
        "max_score": s["available"],
        "ratio": s["earned"] / s["available"] if s["available"] else 0.0,
        "mastery": s["status"],
        "mastered": s["status"] == Status.MASTERED,
        "threshold": s["threshold"],
        "attempt": attempt,
    }


STUDIO_FIELDS = ("display_name", "selection_kind", "selection", "weight", "max_attempts", "show_answer")

STUDIO_STRINGS = {
    "display_name": _("Display name"),
    "selection_kind": _("Select questions by"),
    "selection": _("Selection"),
    "selection_help": _(
        "A module id (T1), an activity id (T1.1), a K id (K3), or question ids separated by commas."
    ),
    "weight": _("Weight"),
    "max_attempts": _("Maximum attempts (0 = no limit)"),
    "max_attempts_help": _("Empty: as the course file sets it for each question."),
    "show_answer": _("Show answer"),
    "as_course": _("As the course file sets it"),
    "yaml": _("Import questions (YAML: a module file or a list of questions)"),
    "use_builtin": _("Use the built-in question banks (drop imported questions)"),
    "stored": _("Imported questions stored in this block"),
    "save": _("Save"),
    "cancel": _("Cancel"),
    "saved": _("Saved."),
    "error": _("Could not save"),
    "module": _("module"),
    "activity": _("activity"),
    "knowledge": _("knowledge (K item)"),
    "ids": _("question ids"),
    **{policy: _(label) for policy, label in SHOW_ANSWER_LABELS.items()},
}
