"""The competency standard as data: tasks, activities, outputs (O), indicators (P), K, S and A items.

`id` is unique and stable; `code` is the code as printed in the standard (the label people know).
Where they differ, `erratum` names the ERRATA.md entry that explains why.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..quizzes.model import Id

ItemKind = Literal["task", "activity", "output", "indicator", "knowledge", "skill", "attitude"]


# Enough of a title or name to tell two items with the same printed code apart, short enough for a menu.
_QUALIFIER_CHARS = 12


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Statement(_Frozen):
    id: Id
    code: str | None
    text: str | None
    erratum: str | None = None

    @property
    def label(self) -> str:
        """The printed code, or the id when nothing was printed."""
        return self.code or self.id


class Attitude(Statement):
    name: str

    @property
    def full_text(self) -> str:
        return f"{self.name}：{self.text}" if self.text else self.name


class Activity(_Frozen):
    id: Id
    code: str
    title: str
    erratum: str | None = None
    outputs: list[Statement]
    indicators: list[Statement]

    @property
    def label(self) -> str:
        return self.code


class Task(_Frozen):
    id: Id
    code: str
    title: str
    level: str | None
    knowledge: list[Id]
    skills: list[Id]
    activities: list[Activity]

    @property
    def label(self) -> str:
        return self.code


class StandardItem(BaseModel):
    """A flat view of any item, for coverage, reports and exports."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: ItemKind
    label: str
    text: str | None
    parent: str | None = None
    erratum: str | None = None


class Standard(_Frozen):
    id: str
    title: str
    title_en: str
    source: str
    language: str
    version: str
    version_date: str
    code: str | None
    occupation_category: str | None
    industry: str | None
    level: str | None
    job_description: str
    entry_level: str
    tasks: list[Task]
    knowledge: list[Statement]
    skills: list[Statement]
    attitudes: list[Attitude]

    def items(self) -> Iterator[StandardItem]:
        """Every item, in the standard's own reading order."""
        for task in self.tasks:
            yield StandardItem(id=task.id, kind="task", label=task.label, text=task.title)
            for act in task.activities:
                yield StandardItem(
                    id=act.id,
                    kind="activity",
                    label=act.label,
                    text=act.title,
                    parent=task.id,
                    erratum=act.erratum,
                )
                for o in act.outputs:
                    yield StandardItem(
                        id=o.id, kind="output", label=o.label, text=o.text, parent=act.id, erratum=o.erratum
                    )
                for p in act.indicators:
                    yield StandardItem(
                        id=p.id,
                        kind="indicator",
                        label=p.label,
                        text=p.text,
                        parent=act.id,
                        erratum=p.erratum,
                    )
        for k in self.knowledge:
            yield StandardItem(id=k.id, kind="knowledge", label=k.label, text=k.text, erratum=k.erratum)
        for s in self.skills:
            yield StandardItem(id=s.id, kind="skill", label=s.label, text=s.text, erratum=s.erratum)
        for a in self.attitudes:
            yield StandardItem(id=a.id, kind="attitude", label=a.label, text=a.full_text, erratum=a.erratum)

    @cached_property
    def index(self) -> dict[str, StandardItem]:
        return {item.id: item for item in self.items()}

    @cached_property
    def activities(self) -> dict[str, Activity]:
        return {a.id: a for t in self.tasks for a in t.activities}

    @cached_property
    def task_of(self) -> dict[str, str]:
        """activity id, output id or indicator id -> task id."""
        out: dict[str, str] = {}
        for t in self.tasks:
            for a in t.activities:
                out[a.id] = t.id
                for s in [*a.outputs, *a.indicators]:
                    out[s.id] = t.id
        return out

    @cached_property
    def shared_codes(self) -> frozenset[tuple[ItemKind, str]]:
        """(kind, printed code) pairs that more than one item prints (ERRATA.md E1, E5, E7)."""
        seen = Counter((i.kind, i.label) for i in self.items())
        return frozenset(pair for pair, n in seen.items() if n > 1)

    def distinct_label(self, ident: str) -> str:
        """The printed code, with what tells it apart when another item of its kind prints the same code:
        "T1.5（選擇網路行銷工具與平台）", "A01（冒險挑戰）". Where the code is shown alone, show this instead."""
        item = self.index[ident]
        if (item.kind, item.label) not in self.shared_codes:
            return item.label
        short = (item.text or item.id).split("：")[0]  # an attitude's name, before its definition
        if len(short) > _QUALIFIER_CHARS:
            short = short[: _QUALIFIER_CHARS - 1] + "…"
        return f"{item.label}（{short}）"

    def ids_of(self, kind: ItemKind) -> list[str]:
        return [i.id for i in self.items() if i.kind == kind]

    def task(self, task_id: str) -> Task:
        return next(t for t in self.tasks if t.id == task_id)
