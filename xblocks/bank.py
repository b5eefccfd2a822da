"""Question banks a quiz block draws from: the one stored in its content field, or the built-in course.

A bank is one module's questions with its mastery rule. Stored content is validated with the same
pydantic model and meaning checks the loader uses; the built-in banks come from the course compiled at
build time (compiled.py), read when a block first needs them and never parsed from YAML in the LMS.
"""

from __future__ import annotations

import json
from dataclasses import astuple, dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..quizzes.attempts import AttemptSettings, policy_problem
from ..quizzes.checks import question_findings
from ..quizzes.mastery import MasteryRule
from ..quizzes.model import Question

SELECTION_KINDS = ("module", "activity", "knowledge", "ids")

_QUESTIONS: TypeAdapter[list[Question]] = TypeAdapter(list[Question])


class BankError(ValueError):
    """Stored or imported content that is not a valid bank; the message says where."""


@dataclass(frozen=True)
class Bank:
    module_id: str
    mastery: MasteryRule
    questions: tuple[Question, ...]
    settings: AttemptSettings = field(default_factory=AttemptSettings)
    """The module's attempts and show_answer, for the questions that do not set their own."""

    @staticmethod
    def of(module: Any, questions: tuple[Question, ...] | None = None) -> Bank:
        """A module's bank (or of some of its questions), with its mastery rule and attempt settings."""
        settings = AttemptSettings(attempts=module.attempts, show_answer=module.show_answer)
        chosen = tuple(module.questions) if questions is None else questions
        return Bank(module.id, module.mastery, chosen, settings)


def parse_bank(content: dict[str, Any]) -> Bank:
    """`{"module": id, "mastery": {...}, "attempts": n, "show_answer": policy, "questions": [...]}` -> Bank, or
    BankError with every problem."""
    try:
        questions = _QUESTIONS.validate_python(content.get("questions", []))
        mastery = MasteryRule.model_validate(content.get("mastery") or {})
        settings = AttemptSettings.model_validate(
            {k: content[k] for k in ("attempts", "show_answer") if k in content}
        )
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise BankError(f"questions.{where}: {first['msg']}") from None
    problems = [
        f"{q.id}.{'.'.join(str(p) for p in path)}: {message}"
        for q in questions
        for path, message in question_findings(q)
    ]
    ids = [q.id for q in questions]
    problems += [f"duplicate question id '{i}'" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for q in questions:
        problem = policy_problem(*astuple(settings.attempt_rule(q)))
        if problem:
            problems.append(f"{q.id}: {problem}")
    if problems:
        raise BankError("; ".join(problems))
    return Bank(str(content.get("module") or ""), mastery, tuple(questions), settings)


@lru_cache(maxsize=256)
def _cached_bank(serialised: str) -> Bank:
    return parse_bank(json.loads(serialised))


def stored_bank(content: dict[str, Any]) -> Bank:
    """Parse a block's content once per distinct value: handlers run on every submit."""
    return _cached_bank(json.dumps(content, sort_keys=True, ensure_ascii=False))


@lru_cache(maxsize=1)
def builtin_banks() -> tuple[Bank, ...]:
    from .compiled import builtin_data  # compiled at build time: no YAML parsing in the LMS process

    return tuple(parse_bank(content) for content in builtin_data()["banks"])


def bank_to_content(bank: Bank) -> dict[str, Any]:
    return {
        "module": bank.module_id,
        "mastery": bank.mastery.model_dump(mode="json", exclude_defaults=True),
        **bank.settings.model_dump(mode="json", exclude_defaults=True),
        "questions": [q.model_dump(mode="json", exclude_defaults=True) for q in bank.questions],
    }


def split_ids(value: str) -> list[str]:
    return [part for part in value.replace(",", " ").split() if part]


def select(banks: tuple[Bank, ...], kind: str, value: str) -> list[tuple[Bank, Question]]:
    """The questions a selection names, in bank order (or in the listed order for `ids`)."""
    value = value.strip()
    pairs = [(b, q) for b in banks for q in b.questions]
    if kind == "module":
        return [(b, q) for b, q in pairs if not value or b.module_id == value]
    if kind == "activity":
        return [(b, q) for b, q in pairs if q.activity == value]
    if kind == "knowledge":
        return [(b, q) for b, q in pairs if value in q.knowledge]
    if kind == "ids":
        by_id = {q.id: (b, q) for b, q in pairs}
        missing = [i for i in split_ids(value) if i not in by_id]
        if missing:
            raise BankError(f"unknown question id '{missing[0]}'")
        return [by_id[i] for i in dict.fromkeys(split_ids(value))]
    raise BankError(f"unknown selection kind '{kind}'")
