"""The progress block: the learner's standing against the standard, read from the course's blocks."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Dict, Scope, String

from . import inputs, render
from .course_walk import course_blocks
from .i18n import _, translate_all
from .standing import course_standing

QUIZ, REFLECTION = "zhineng_quiz", "zhineng_reflection"

STRINGS = {
    "knowledge": _("Knowledge"),
    "tasks": _("Work tasks and activities"),
    "attitudes": _("Attitudes"),
    "item": _("Item"),
    "status": _("Status"),
    "mastered": _("Mastered"),
    "not_yet": _("Not yet"),
    "not_assessed": _("Not assessed in this course"),
    "done": _("Done"),
    "not_offered": _("Not in this course"),
    "reflected": _("Reflected"),
    "refresh": _("Refresh"),
    "updated": _("Progress updated."),
}

STUDIO_STRINGS = {
    "display_name": _("Display name"),
    "save": _("Save"),
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
        quizzes: list[dict[str, Any]] = []
        reflections: list[dict[str, Any]] = []
        for block in course_blocks(self, frozenset({QUIZ, REFLECTION})):
            record = block.progress_record()
            (quizzes if block.scope_ids.block_type == QUIZ else reflections).append(record)
        return course_standing(self._outline(), quizzes, reflections)

    def student_view(self, context: dict[str, Any] | None = None) -> Fragment:
        t = translate_all(self, STRINGS)
        outline = self._outline()
        s = self.standing()

        def mark(item: dict[str, Any], status: str) -> dict[str, Any]:
            return {**item, "status": status, "status_text": t[status]}

        ctx = {
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

    def studio_view(self, context: dict[str, Any] | None = None) -> Fragment:
        t = translate_all(self, STUDIO_STRINGS)
        ctx = {"t": t, "prefix": render.dom_prefix(self), "display_name": self.display_name}
        return render.fragment("progress_studio.html", ctx, "studio.js", "ZhinengStudio", {"strings": t})

    @inputs.json_handler
    def studio_submit(self, data: Any, suffix: str = "") -> dict[str, Any]:
        body = inputs.require_object(data)
        inputs.reject_unknown_keys(body, {"display_name"})
        self.display_name = inputs.require_str(body, "display_name", max_chars=255)
        return {"result": "success"}

    @inputs.json_handler
    def refresh(self, data: Any, suffix: str = "") -> dict[str, Any]:
        inputs.reject_unknown_keys(inputs.require_object(data), set())
        return self.standing()

    @staticmethod
    def workbench_scenarios() -> list[tuple[str, str]]:
        from .scenarios import progress_scenarios

        return progress_scenarios()
