"""The question types: the one place a type is registered.

Each module here is one type (its model, meaning checks, grading, saved-state budget, block view and the name of
its runtime module); everything else iterates `TYPES` rather than testing `question.type`. Adding a type is a
module here, its line below and in `Question`, its runtime module and its block widget and reader in xblocks/qtypes/
(docs/authoring.md, "Adding a question type").
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from . import cloze, matching, multiple_response, numeric, ordering, short_text, single_choice, true_false
from .cloze import Cloze
from .matching import Matching
from .multiple_response import MultipleResponse
from .numeric import Numeric
from .ordering import Ordering
from .short_text import ShortText
from .single_choice import SingleChoice
from .true_false import TrueFalse
from .unit import QuestionType

TYPES: dict[str, QuestionType] = {
    unit.name: unit
    for unit in (
        single_choice.UNIT,
        multiple_response.UNIT,
        true_false.UNIT,
        numeric.UNIT,
        short_text.UNIT,
        ordering.UNIT,
        matching.UNIT,
        cloze.UNIT,
    )
}

Question = Annotated[
    SingleChoice | MultipleResponse | TrueFalse | Numeric | ShortText | Ordering | Matching | Cloze,
    Field(discriminator="type"),
]
