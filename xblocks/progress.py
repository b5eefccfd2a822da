"""The progress block: the learner's standing against the standard, read from the course's blocks."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Dict, Scope, String

from . import inputs, render
from .course_walk import course_blocks
from .i18n import _, status_words, translate_all
from .ora_state import ORA, observe, task_of_block
from .standing import course_standing
from .studio_form import Setting, studio_fragment
from .task_standing import performance_standing

QUIZ, REFLECTION = "zhineng_quiz", "zhineng_reflection"

# The block's own words; the statuses' words come from the one catalog (quizzes/status.py LABELS).
STRINGS = {
    "knowledge": _("Knowledge"),
    "tasks": _("Work tasks and activities"),
    "attitudes": _("Attitudes"),
    "item": _("Item"),
    "status": _("Status"),
    "progress": _("Progress"),
    "score": _("Grade"),
    "performance": _("Performance tasks: work outputs (O) and behaviour indicators (P)"),
    "not_submitted": _("Not submitted"),
    "submitted": _("Submitted, awaiting an instructor's rating"),
    "self_rated": _("Submitted and self-rated, awaiting an instructor's rating"),
    "passed": _("Rated: passed"),
    "not_passed": _("Rated: not passed yet"),
    "rated": _("Rated by an instructor"),
    "level": _("level {level} of {levels}"),
    "self_level": _("self-rated level {level} of {levels} (does not count until an instructor rates it)"),
    "refresh": _("Refresh"),
    "updated": _("Progress updated."),
}

STUDIO_STRINGS = {
    "display_name": _("Display name"),
    "save": _("Save"),
    "cancel": _("Cancel"),
    "saved": _("Saved."),
    "error": _("Could not save"),
}


@lru_cache(maxsize=1)
def builtin_outline() -> dict[str, Any]:
    from .compiled import builtin_data  # compiled at build time: no YAML parsing in the LMS process

    outline: dict[str, Any] = builtin_data()["outline"]
    return outline


@XBlock.needs("i18n")
class ProgressBlock(XBlock):  # type: ignore[misc]  # XBlock ships no type information
    """Per K item mastered or not, per activity and task done or not, per attitude reflected or not."""

    display_name = String(
        display_name=_("Display name"),
        help=_("The title learners see."),
        default=_("My progress against the standard"),
        scope=Scope.settings,
        enforce_type=True,
    )
    outline = Dict(
        display_name=_("Standard outline"),
        help=_("Tasks, activities, K and A items to report on; empty means the built-in standard."),
        default={},
        scope=Scope.content,
        enforce_type=True,
    )

    has_score = False

    def _outline(self) -> dict[str, Any]:
        return self.outline or builtin_outline()

    def standing(self) -> dict[str, Any]:
        outline = self._outline()
        entries = outline.get("performance", [])
        quizzes: list[dict[str, Any]] = []
        reflections: list[dict[str, Any]] = []
        seen: dict[str, dict[str, Any]] = {}
        wanted = frozenset({QUIZ, REFLECTION, ORA} if entries else {QUIZ, REFLECTION})
        for block in course_blocks(self, wanted):
            kind = block.scope_ids.block_type
            if kind == ORA:
                task = task_of_block(block, entries)
                if task is not None:
                    seen[task] = observe(block)
                continue
            (quizzes if kind == QUIZ else reflections).append(block.progress_record())
        return {
            **course_standing(outline, quizzes, reflections),
            **performance_standing([e["task"] for e in entries], seen),
        }

    def student_view(self, context: dict[str, Any] | None = None) -> Fragment:
        t = {**translate_all(self, STRINGS), **status_words(self)}
        outline = self._outline()
        s = self.standing()

        def mark(item: dict[str, Any], status: str) -> dict[str, Any]:
            return {**item, "status": status, "status_text": t[status]}

        ctx = {
            "performance": self._performance_rows(outline, s, t),
            "t": t,
            "title": self.display_name,
            "prefix": render.dom_prefix(self),
            "knowledge": [mark(k, s["knowledge"][k["id"]]) for k in outline["knowledge"]],
            "tasks": [
                {
                    **mark(task, s["tasks"][task["id"]]),
                    "activities": [mark(a, s["activities"][a["id"]]) for a in task["activities"]],
                }
                for task in outline["tasks"]
            ],
            "attitudes": [mark(a, s["attitudes"][a["id"]]) for a in outline["attitudes"]],
        }
        return render.fragment("progress.html", ctx, "progress.js", "ZhinengProgressBlock", {"strings": t})

    @staticmethod
    def _performance_rows(
        outline: dict[str, Any], s: dict[str, Any], t: dict[str, str]
    ) -> list[dict[str, Any]]:
        items = outline.get("items", {})

        def item(ident: str, kind: str, status: str, note: str = "") -> dict[str, Any]:
            return {
                **items[ident],
                "id": ident,
                "kind": kind,
                "status": status,
                "status_text": t[status],
                "note": note,
            }

        rows = []
        for entry in outline.get("performance", []):
            task = entry["task"]
            indicators = dict.fromkeys(p for c in task["rubric"] for p in c["indicators"])
            state = s["performance"][task["id"]]
            notes = {p: _levels_note(s["indicators"][p], t) for p in indicators}
            rows.append(
                {
                    "id": task["id"],
                    "title": entry["title"],
                    "status": state,
                    "status_text": t[state],
                    "items": [item(o, "outputs", s["outputs"][o]) for o in task["outputs"]]
                    + [item(p, "indicators", s["indicators"][p]["status"], notes[p]) for p in indicators],
                }
            )
        return rows

    def studio_view(self, context: dict[str, Any] | None = None) -> Fragment:
        t = translate_all(self, STUDIO_STRINGS)
        return studio_fragment(self, [Setting("display_name", t["display_name"], value=self.display_name)], t)

    @inputs.json_handler
    def studio_submit(self, data: Any, suffix: str = "") -> dict[str, Any]:
        body = inputs.require_object(data)
        inputs.reject_unknown_keys(body, {"display_name"})
        self.display_name = inputs.require_str(body, "display_name", max_chars=255)
        return {"result": "success"}

    @inputs.json_handler
    def refresh(self, data: Any, suffix: str = "") -> dict[str, Any]:
        inputs.reject_unknown_keys(inputs.require_object(data), set())
        s = self.standing()
        t = {**translate_all(self, STRINGS), **status_words(self)}
        # An indicator's state is its status; the levels behind it travel as a note the page shows beside it.
        notes = {p: _levels_note(found, t) for p, found in s["indicators"].items()}
        return {
            **s,
            "indicators": {p: found["status"] for p, found in s["indicators"].items()},
            "notes": notes,
        }

    @staticmethod
    def workbench_scenarios() -> list[tuple[str, str]]:
        from .scenarios import progress_scenarios

        return progress_scenarios()


def _levels_note(found: dict[str, Any], t: dict[str, str]) -> str:
    """「等級 3／4」 per criterion naming the indicator: the instructor's, or the learner's own marked as such."""
    key = "level" if found["status"] == "rated" else "self_level"
    return "; ".join(t[key].format(level=level, levels=of) for level, of in found["levels"])
