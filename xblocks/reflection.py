"""The reflection block: an attitude (A item) reflection with a 1–5 self-rating, kept per learner."""

from __future__ import annotations

from typing import Any

from web_fragments.fragment import Fragment
from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.fields import Boolean, Integer, List, Scope, String

from ..modules.anchors import anchor_label
from . import inputs, render
from .i18n import _, translate_all
from .public import markdown_html

REFLECTED_EVENT = "zhineng.attitude.reflected"

STRINGS = {
    "your_reflection": _("Your reflection"),
    "characters": _("characters"),
    "at_least": _("Write at least {min} characters."),
    "too_short": _("Your reflection has {n} characters; write at least {min}."),
    "too_long": _("Your reflection has {n} characters; the limit is {max}."),
    "rating": _("Self-rating"),
    "pick_rating": _("Choose a self-rating from 1 to 5."),
    "submit": _("Save reflection"),
    "saved": _("Saved. You can revise it at any time."),
    "error": _("Could not save"),
    "guidance": _("What a good reflection includes"),
}


@XBlock.needs("i18n")
class ReflectionBlock(CompletableXBlockMixin, XBlock):  # type: ignore[misc]  # XBlock ships no type information
    """A prompt, a minimum length and a self-rating; completes on a valid submit; revisable."""

    display_name = String(
        display_name=_("Display name"),
        help=_("The title learners see."),
        default=_("Reflection"),
        scope=Scope.settings,
        enforce_type=True,
    )
    attitude = String(
        display_name=_("Attitude item"),
        help=_("The A item of the standard this reflection develops, e.g. A01."),
        default="",
        scope=Scope.settings,
        enforce_type=True,
    )
    activity = String(
        display_name=_("Activity"),
        help=_("The activity of the standard this reflection belongs to, e.g. T1.2 (optional)."),
        default="",
        scope=Scope.settings,
        enforce_type=True,
    )
    min_length = Integer(
        display_name=_("Minimum length"),
        help=_("The fewest characters a reflection may have."),
        default=50,
        values={"min": 0, "max": inputs.MAX_REFLECTION_TEXT},
        scope=Scope.settings,
        enforce_type=True,
    )
    max_length = Integer(
        display_name=_("Maximum length"),
        help=_("The most characters a reflection may have (never more than 10,000)."),
        default=2000,
        values={"min": 1, "max": inputs.MAX_REFLECTION_TEXT},
        scope=Scope.settings,
        enforce_type=True,
    )
    prompt = String(
        display_name=_("Prompt"),
        help=_("What the learner reflects on (Markdown)."),
        default="",
        scope=Scope.content,
        enforce_type=True,
    )
    guidance = String(
        display_name=_("Guidance"),
        help=_("What a good reflection includes (Markdown, optional)."),
        default="",
        scope=Scope.content,
        enforce_type=True,
    )
    rating_prompt = String(
        display_name=_("Self-rating question"),
        help=_("The question the 1–5 self-rating answers."),
        default="",
        scope=Scope.content,
        enforce_type=True,
    )
    rating_anchors = List(
        display_name=_("Self-rating anchors"),
        help=_("Five texts, one for each rating from 1 to 5."),
        default=[],
        scope=Scope.content,
        enforce_type=True,
    )
    text = String(help=_("The learner's reflection."), default="", scope=Scope.user_state, enforce_type=True)
    rating = Integer(
        help=_("The learner's self-rating, 1–5."), default=0, scope=Scope.user_state, enforce_type=True
    )
    submitted = Boolean(
        help=_("A valid reflection was saved."), default=False, scope=Scope.user_state, enforce_type=True
    )

    icon_class = "problem"

    def effective_max(self) -> int:
        limit: int = min(max(self.max_length, 1), inputs.MAX_REFLECTION_TEXT)
        return limit

    def student_view(self, context: dict[str, Any] | None = None) -> Fragment:
        t = translate_all(self, STRINGS)
        anchors = list(self.rating_anchors)[:5]
        ctx = {
            "t": t,
            "title": self.display_name,
            "prefix": render.dom_prefix(self),
            "prompt_html": markdown_html(self.prompt),
            "guidance_html": markdown_html(self.guidance) if self.guidance else "",
            "rating_prompt": self.rating_prompt or t["rating"],
            "ratings": [
                {"value": i + 1, "text": anchor_label(i + 1, str(anchors[i]) if i < len(anchors) else "")}
                for i in range(5)
            ],
            "text": self.text,
            "rating": self.rating,
            "min_length": self.min_length,
            "max_length": self.effective_max(),
            "at_least": t["at_least"].format(min=self.min_length),
        }
        init = {
            "strings": t,
            "min_length": self.min_length,
            "max_length": self.effective_max(),
            "submitted": self.submitted,
        }
        return render.fragment("reflection.html", ctx, "reflection.js", "ZhinengReflectionBlock", init)

    def studio_view(self, context: dict[str, Any] | None = None) -> Fragment:
        from .studio_form import studio_fragment
        from .studio_reflection import STUDIO_STRINGS, studio_settings

        t = translate_all(self, STUDIO_STRINGS)
        return studio_fragment(self, studio_settings(self, t), t)

    @inputs.json_handler
    def submit(self, data: Any, suffix: str = "") -> dict[str, Any]:
        body = inputs.require_object(data)
        inputs.reject_unknown_keys(body, {"text", "rating"})
        text = inputs.require_str(body, "text", max_chars=self.effective_max()) or ""
        rating = inputs.require_int(body, "rating", low=1, high=5)
        length = len(text.strip())
        if length < self.min_length:
            message = translate_all(self, {"m": STRINGS["too_short"]})["m"]
            raise inputs.bad_request(message.format(n=length, min=self.min_length))
        self.text, self.rating, self.submitted = text, int(rating or 0), True
        self.runtime.publish(
            self,
            REFLECTED_EVENT,
            {
                "attitude_id": self.attitude,
                "activity_id": self.activity,
                "rating": self.rating,
                "length": length,
            },
        )
        self.emit_completion(1.0)
        return {"result": "success", "submitted": True, "length": length, "rating": self.rating}

    @inputs.json_handler
    def studio_submit(self, data: Any, suffix: str = "") -> dict[str, Any]:
        from .studio_reflection import apply_settings

        return apply_settings(self, inputs.require_object(data))

    def progress_record(self) -> dict[str, Any]:
        return {"attitude": self.attitude, "activity": self.activity, "submitted": self.submitted}

    @staticmethod
    def workbench_scenarios() -> list[tuple[str, str]]:
        from .scenarios import reflection_scenarios

        return reflection_scenarios()
