"""Editing a reflection in Studio: its settings and content, or a reflection imported from YAML."""

from __future__ import annotations

import re
from typing import Any

from ..modules.anchors import anchor_problem
from . import inputs
from .i18n import _
from .studio_form import Setting
from .studio_import import ContentImportError, reflection_from_yaml

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]*$")
FIELDS = (
    "display_name",
    "attitude",
    "activity",
    "prompt",
    "guidance",
    "rating_prompt",
    "min_length",
    "max_length",
)

STUDIO_STRINGS = {
    "display_name": _("Display name"),
    "attitude": _("Attitude item (A id)"),
    "activity": _("Activity (optional)"),
    "prompt": _("Prompt (Markdown)"),
    "guidance": _("Guidance (Markdown, optional)"),
    "rating_prompt": _("Self-rating question"),
    "anchors": _("Self-rating anchors (five lines, for 1 to 5)"),
    "min_length": _("Minimum length"),
    "max_length": _("Maximum length (at most 10,000)"),
    "yaml": _("Import a reflection (YAML)"),
    "save": _("Save"),
    "cancel": _("Cancel"),
    "saved": _("Saved."),
    "error": _("Could not save"),
}


def studio_settings(block: Any, t: dict[str, str]) -> list[Setting]:
    """The reflection's Studio form, in the order an author reads it."""
    text = {name: Setting(name, t[name], value=getattr(block, name)) for name in FIELDS}
    return [
        text["display_name"],
        text["attitude"],
        text["activity"],
        Setting("prompt", t["prompt"], "textarea", value=block.prompt, rows=6),
        Setting("guidance", t["guidance"], "textarea", value=block.guidance, rows=4),
        text["rating_prompt"],
        Setting(
            "anchors", t["anchors"], "textarea", value="\n".join(str(a) for a in block.rating_anchors), rows=5
        ),
        Setting(
            "min_length", t["min_length"], data_type="int", value=block.min_length, attrs=' min="0" step="1"'
        ),
        Setting(
            "max_length",
            t["max_length"],
            data_type="int",
            value=block.max_length,
            attrs=' min="1" max="10000" step="1"',
        ),
        Setting("yaml", t["yaml"], "textarea", rows=8),
    ]


def apply_settings(block: Any, body: dict[str, Any]) -> dict[str, Any]:
    inputs.reject_unknown_keys(body, {*FIELDS, "anchors", "yaml"})
    yaml_text = inputs.require_str(body, "yaml", max_chars=inputs.MAX_IMPORT_CHARS, required=False) or ""
    if yaml_text.strip():
        try:
            r = reflection_from_yaml(yaml_text)
        except ContentImportError as exc:
            raise inputs.bad_request(str(exc)) from None
        values: dict[str, Any] = {
            "display_name": r.title or block.display_name,
            "attitude": r.attitude,
            "activity": r.activity or "",
            "prompt": r.prompt,
            "guidance": r.guidance or "",
            "rating_prompt": r.rating.prompt,
            "rating_anchors": list(r.rating.anchors),
            "min_length": r.min_length,
            "max_length": min(r.max_length, inputs.MAX_REFLECTION_TEXT),
        }
    else:
        values = _from_form(body)
    if values["min_length"] > values["max_length"]:
        raise inputs.bad_request("the minimum length is above the maximum length")
    for name, value in values.items():
        setattr(block, name, value)
    return {"result": "success"}


def _from_form(body: dict[str, Any]) -> dict[str, Any]:
    attitude = inputs.require_str(body, "attitude", max_chars=64) or ""
    if not _ID.match(attitude):
        raise inputs.bad_request("'attitude' must be an A id such as A01")
    activity = inputs.require_str(body, "activity", max_chars=64) or ""
    if activity and not _ID.match(activity):
        raise inputs.bad_request("'activity' must be an activity id such as T1.2, or empty")
    anchors_text = inputs.require_str(body, "anchors", max_chars=10_000) or ""
    anchors = [line.strip() for line in anchors_text.splitlines() if line.strip()]
    if len(anchors) != 5:
        raise inputs.bad_request(f"give exactly five self-rating anchors, one per line (got {len(anchors)})")
    problems = [p for i, a in enumerate(anchors) if (p := anchor_problem(i + 1, a))]
    if problems:
        raise inputs.bad_request(problems[0])
    return {
        "display_name": inputs.require_str(body, "display_name", max_chars=255),
        "attitude": attitude,
        "activity": activity,
        "prompt": inputs.require_str(body, "prompt", max_chars=20_000),
        "guidance": inputs.require_str(body, "guidance", max_chars=20_000),
        "rating_prompt": inputs.require_str(body, "rating_prompt", max_chars=2000),
        "rating_anchors": anchors,
        "min_length": inputs.require_int(body, "min_length", low=0, high=inputs.MAX_REFLECTION_TEXT),
        "max_length": inputs.require_int(body, "max_length", low=1, high=inputs.MAX_REFLECTION_TEXT),
    }
