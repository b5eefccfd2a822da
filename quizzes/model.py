"""The question model: one discriminated union over the registered types (quizzes/types/), no I/O.

Structure (types, required keys) is checked by pydantic; meaning (exactly one correct choice, a complete ordering
key, ...) by each type's `findings` (quizzes.checks), which can name the exact offending key.
"""

from __future__ import annotations

from .base import APPLIED_STYLES, Choice, Feedback, Id, Item, QuestionBase, Strict, Text
from .types import TYPES, Question
from .types.cloze import Cloze, Gap
from .types.matching import Matching
from .types.multiple_response import MultipleResponse
from .types.numeric import Numeric, NumericMistake
from .types.ordering import Ordering
from .types.short_text import ShortText, TextMistake
from .types.single_choice import SingleChoice
from .types.true_false import TrueFalse

QUESTION_TYPES: tuple[str, ...] = tuple(TYPES)

__all__ = [
    "APPLIED_STYLES",
    "QUESTION_TYPES",
    "Choice",
    "Cloze",
    "Feedback",
    "Gap",
    "Id",
    "Item",
    "Matching",
    "MultipleResponse",
    "Numeric",
    "NumericMistake",
    "Ordering",
    "Question",
    "QuestionBase",
    "ShortText",
    "SingleChoice",
    "Strict",
    "Text",
    "TextMistake",
    "TrueFalse",
]
