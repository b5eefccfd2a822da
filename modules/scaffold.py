"""`zhineng new-module`: an empty module that validates, for an instructor to fill in."""

from __future__ import annotations

import yaml

from .standard import Standard


def new_module_yaml(
    standard: Standard, task_id: str, module_id: str | None = None, schema_ref: str = "module.schema.json"
) -> str:
    task = standard.task(task_id)
    first = task.activities[0]
    knowledge = task.knowledge[0]
    data = {
        "id": module_id or task.id,
        "task": task.id,
        "title": task.title,
        "description": f"（請填寫：本模組對應工作任務 {task.code}「{task.title}」的學習目標與對象。）",
        "language": "zh-TW",
        "estimated_minutes": 30 * len(task.activities),
        "lessons": [
            {
                "id": f"{a.id}-lesson",
                "activity": a.id,
                "title": a.title,
                "minutes": 30,
                "knowledge": [],
                "body": "## 學習目標\n\n（請依本活動的行為指標撰寫。）\n\n"
                + "\n".join(f"- {p.label} {p.text}" for p in a.indicators)
                + "\n",
            }
            for a in task.activities
        ],
        "questions": [
            {
                "id": f"{module_id or task.id}-Q001",
                "type": "single_choice",
                "activity": first.id,
                "knowledge": [knowledge],
                "indicators": [first.indicators[0].id] if first.indicators else [],
                "style": "recall",
                "prompt": "（請改寫成本題題幹。）",
                "choices": [
                    {"id": "a", "text": "（正確選項）", "correct": True, "feedback": "（為什麼正確）"},
                    {"id": "b", "text": "（誘答選項）", "feedback": "（為什麼不正確）"},
                ],
                "explanation": "（作答後顯示的解說。）",
            }
        ],
        "reflections": [],
    }
    header = f"# yaml-language-server: $schema={schema_ref}\n"
    return header + yaml.dump(data, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=100)


class _BlockDumper(yaml.SafeDumper):
    """Multi-line text as a `|` block and lists indented under their key, as the shipped modules are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_BlockDumper.add_representer(str, _text)
