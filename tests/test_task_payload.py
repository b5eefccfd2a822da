"""What a task page is sent: the runtime shows a field's hint only if the payload carries it as HTML."""

from __future__ import annotations

from pathlib import Path

from zhineng.modules.loader import load_course
from zhineng.scorm_export.payload import task_payload

TASKS = Path(__file__).resolve().parent / "fixtures" / "course_tasks"


def test_every_field_hint_reaches_the_task_page_as_html() -> None:
    [(_, task)] = list(load_course([TASKS]).tasks())
    sent = {f["id"]: f for f in task_payload(task)["deliverable"]}
    for field in task.deliverable:
        assert "help" not in sent[field.id]  # Markdown stays at build time
        assert sent[field.id]["help_html"] == field.help_html
    assert sent["analysis"]["help_html"] == "<p>100–400 字：哪個通路較低、可能原因、下一步。</p>\n"
