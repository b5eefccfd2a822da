"""The performance-task model an instructor writes under a module's `tasks:`.

The HTML of its Markdown (`brief_html`, `help_html`, ...) is rendered on first use, never by validation: a
plain cached property, not a serialised field, so checking a course or hashing it needs no Markdown renderer.

Structure is checked here by pydantic; meaning (points that rise with the level, formulas that only name earlier
number columns, ...) by `performance.checks`, which names the exact key.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field

from ..markdown import render_markdown
from ..quizzes.model import Id, Strict, Text

Cell = str | int | float | None

MAX_FIELD_CHARS = 20000
MAX_TABLE_ROWS = 200


class ResourceTable(Strict):
    columns: list[Text] = Field(min_length=1, description="Column headings.")
    rows: list[list[Cell]] = Field(min_length=1, description="One list of cells per row, as many as columns.")


class Resource(Strict):
    id: Id
    title: Text
    body: str | None = Field(default=None, description="Markdown: a template, notes, a policy extract.")
    table: ResourceTable | None = None

    @cached_property
    def html(self) -> str:
        return render_markdown(self.body) if self.body else ""


class FieldBase(Strict):
    id: Id
    label: Text
    help: str | None = Field(default=None, description="Markdown hint shown under the label.")
    required: bool = True

    @cached_property
    def help_html(self) -> str:
        return render_markdown(self.help) if self.help else ""


class LongTextField(FieldBase):
    type: Literal["long_text"]
    min_length: int = Field(default=0, ge=0, le=MAX_FIELD_CHARS)
    max_length: int = Field(default=4000, ge=1, le=MAX_FIELD_CHARS)


ColumnType = Literal["text", "number", "percent", "date"]


class Column(Strict):
    id: Id
    label: Text
    type: ColumnType = "text"
    formula: str | None = Field(
        default=None, description="Computed, read-only: + - * / ( ) round(x, n) over earlier number columns."
    )

    @property
    def numeric(self) -> bool:
        return self.type in ("number", "percent")


class Rows(Strict):
    min: int = Field(default=1, ge=0, le=MAX_TABLE_ROWS)
    max: int = Field(default=20, ge=1, le=MAX_TABLE_ROWS)
    start: int = Field(default=3, ge=0, le=MAX_TABLE_ROWS, description="Empty rows shown at first.")


class TableField(FieldBase):
    type: Literal["table"]
    columns: list[Column] = Field(min_length=1)
    rows: Rows = Field(default_factory=Rows)
    totals: list[Id] = Field(default_factory=list, description="Number columns summed in a footer row.")

    @property
    def inputs(self) -> list[Column]:
        """The columns a learner types into (computed ones are derived, never stored)."""
        return [c for c in self.columns if c.formula is None]


class ChecklistItem(Strict):
    id: Id
    text: Text


class ChecklistField(FieldBase):
    type: Literal["checklist"]
    items: list[ChecklistItem] = Field(min_length=1)
    require_all: bool = Field(
        default=False, description="The learner cannot submit until every item is ticked."
    )


class LinkField(FieldBase):
    type: Literal["link"]


DeliverableField = Annotated[
    LongTextField | TableField | ChecklistField | LinkField,
    Field(discriminator="type"),
]

FIELD_TYPES: tuple[str, ...] = ("long_text", "table", "checklist", "link")


class Level(Strict):
    label: Text
    points: float = Field(ge=0, le=1000)
    descriptor: Text = Field(
        description="What work at this level looks like: observable, distinct from the others."
    )


class Criterion(Strict):
    id: Id
    title: Text
    indicators: list[Id] = Field(min_length=1, description="P indicators this criterion rates.")
    skills: list[Id] = Field(default_factory=list)
    knowledge: list[Id] = Field(default_factory=list)
    attitudes: list[Id] = Field(default_factory=list)
    levels: list[Level] = Field(min_length=3, max_length=4, description="From the lowest to the highest.")

    @property
    def max_points(self) -> float:
        return max(level.points for level in self.levels)


class PassRule(Strict):
    min_level: int = Field(default=2, ge=1, le=4, description="Every criterion rated at this level or above.")
    min_percent: float = Field(default=70, ge=0, le=100, description="And at least this share of the points.")


class Task(Strict):
    id: Id
    activity: Id = Field(
        description="The activity of the standard whose outputs this task produces, e.g. T3.1."
    )
    title: Text
    outputs: list[Id] = Field(min_length=1, description="The work outputs (O) the learner produces.")
    minutes: int = Field(default=60, ge=1, le=600)
    brief: Text = Field(description="Markdown: the scenario and what to produce.")
    resources: list[Resource] = Field(default_factory=list)
    deliverable: list[DeliverableField] = Field(min_length=1)
    rubric: list[Criterion] = Field(min_length=1)
    pass_rule: PassRule = Field(default_factory=PassRule, alias="pass")
    exemplar: Text = Field(description="Markdown, shown only after the learner submitted.")

    @cached_property
    def brief_html(self) -> str:
        return render_markdown(self.brief)

    @cached_property
    def exemplar_html(self) -> str:
        return render_markdown(self.exemplar)

    @property
    def indicators(self) -> list[str]:
        """Every P indicator a criterion names, in rubric order, once."""
        return list(dict.fromkeys(p for c in self.rubric for p in c.indicators))

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.rubric if c.id == criterion_id), None)
