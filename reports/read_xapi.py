"""xAPI statements -> records, by the mapping in xapi_ids.py (documented in docs/reporting.md)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from sys import intern
from typing import Any

from ..cmi5_export.ids import parse_activity_iri
from .catalog import Catalog
from .json_input import TOO_DEEP, NotJSON, parse_text
from .records import SELF_RATER, ActivityDone, Answer, Origin, Record, ReflectionEntry, Skipped
from .task_records import self_rating, submission
from .times import parse_time
from .xapi_ids import (
    LAUNCH_MODE_EXTENSION,
    PRACTICE_MODES,
    QUESTION_EXTENSION,
    RATER_EXTENSION,
    RATING_EXTENSION,
    REFLECTION_EXTENSION,
    TASK_EXTENSION,
    TASK_RATING_EXTENSION,
    VERB_ANSWERED,
    VERB_COMPLETED,
    VERB_RATED,
    VERB_SUBMITTED,
    extension,
    named_items,
    obj,
)

_PLAIN_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]*$")  # an item id, not an IRI


def is_statement(data: Any) -> bool:
    if type(data) is dict and type(data.get("actor")) is dict:  # parsed JSON: no abstract-class checks
        return "verb" in data
    return isinstance(data, Mapping) and isinstance(data.get("actor"), Mapping) and "verb" in data


def read_statements(
    statements: Iterable[tuple[int, Any]], file: str, catalog: Catalog
) -> tuple[list[Record], list[Skipped]]:
    """statements: (record number, parsed JSON) pairs."""
    records: list[Record] = []
    skipped: list[Skipped] = []
    memo = _Memo(file)
    for n, data in statements:
        try:
            records += _statement(data, memo, catalog)
        except ValueError as exc:
            skipped.append(Skipped(file, str(n), str(exc)))
        except RecursionError:  # a statement nested within the parser's limit but deeper than str() goes
            skipped.append(Skipped(file, str(n), TOO_DEEP))
    return records, skipped


def learner_of(actor: Mapping[str, Any]) -> str | None:
    account = actor.get("account")
    if (type(account) is dict or isinstance(account, Mapping)) and account.get("name"):
        return str(account["name"])
    for key in ("mbox", "mbox_sha1sum", "openid"):
        if actor.get(key):
            return str(actor[key]).removeprefix("mailto:")
    return None


class _Memo:
    """What a file's statements repeat, worked out once per file: its statements name the same few dozen
    times, item lists and objects over and over (an LRS batch of 25,000 answers: one Origin per time, not per
    statement, which also keeps them cheap to send between processes and to hold)."""

    __slots__ = ("file", "origins", "named", "objects")

    def __init__(self, file: str) -> None:
        self.file = file
        self.origins: dict[datetime | None, Origin] = {}
        self.named: dict[tuple[str, ...], tuple[list[str], list[str], list[str]]] = {}
        self.objects: dict[tuple[str, str], str] = {}

    def origin(self, when: datetime | None) -> Origin:
        made = self.origins.get(when)
        if made is None:
            made = self.origins[when] = Origin("xapi", self.file, when)
        return made

    def object_id(self, iri: Any, kind: str) -> str:
        if not isinstance(iri, str):
            return ""
        key = (iri, kind)
        found = self.objects.get(key)
        if found is None:
            found = _object_id(iri, kind)
            if len(self.objects) < _MEMO_MAX and len(iri) <= _MEMO_KEY_MAX:
                self.objects[key] = found
        return found

    def items(self, statement: Mapping[str, Any], catalog: Catalog) -> tuple[list[str], list[str], list[str]]:
        """(items, attitudes, knowledge) the statement names; the lists are shared: read them only."""
        named = tuple(named_items(statement))
        known = self.named.get(named)
        if known is None:
            items = _items(named, catalog)  # raises on an unknown id: never remembered
            kinds = catalog.kinds
            known = (
                items,
                [i for i in items if kinds.get(i) == "attitude"],
                [i for i in items if kinds.get(i) == "knowledge"],
            )
            if len(self.named) < _MEMO_MAX and sum(map(len, named)) <= _MEMO_KEY_MAX:
                self.named[named] = known
        return known


_MEMO_MAX = 10_000  # bounded: a hostile file could name a new IRI in every statement
_MEMO_KEY_MAX = 300


def _object_id(iri: Any, kind: str) -> str:
    """The question or reflection id an object IRI names: ours (cmi5_export/ids.py), else its last path segment
    (another tool's `…/question/Q1`)."""
    if not isinstance(iri, str):
        return ""
    ours = parse_activity_iri(iri)
    if ours is not None and ours[0] == kind:
        return ours[1]
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _items(named: Iterable[str], catalog: Catalog) -> list[str]:
    found: list[str] = []
    for value in named:
        item = catalog.item(value)
        if item is None and _PLAIN_ID.match(value):
            raise ValueError(f"unknown item id '{value}'")
        if item is not None and item not in found:
            found.append(item)
    return found


def _statement(data: Any, memo: _Memo, catalog: Catalog) -> list[Record]:
    if not is_statement(data):
        raise ValueError("not an xAPI statement (no actor and verb)")
    learner = learner_of(data["actor"])
    if learner is None:
        raise ValueError("the actor has no account name, mbox or openid")
    learner = intern(learner)  # as the ids below: one string each, however many statements repeat it
    verb = obj(data["verb"]).get("id")
    target = obj(data.get("object"))
    result = obj(data.get("result"))
    score = obj(result.get("score"))
    origin = memo.origin(parse_time(data.get("timestamp")) or parse_time(data.get("stored")))
    if verb in (VERB_SUBMITTED, VERB_RATED):
        return _task(data, verb, learner, target, result, origin, catalog)
    items, attitudes, knowledge = memo.items(data, catalog)

    if attitudes:
        rid = str(extension(data, REFLECTION_EXTENSION) or memo.object_id(target.get("id"), "reflection"))
        rating = extension(data, RATING_EXTENSION) or score.get("raw")
        stars: int | None = None
        if isinstance(rating, int | float) and not isinstance(rating, bool) and rating in (1, 2, 3, 4, 5):
            stars = int(rating)
        text = result.get("response") if isinstance(result.get("response"), str) else None
        return [ReflectionEntry(learner, a, rid, stars, text, origin) for a in attitudes]
    if verb == VERB_ANSWERED and knowledge:
        qid = intern(str(extension(data, QUESTION_EXTENSION) or memo.object_id(target.get("id"), "question")))
        if qid not in catalog.questions:
            raise ValueError(f"unknown question id '{qid}'")
        question = catalog.questions[qid][1]
        correct = result.get("success") is True
        raw = score.get("raw")
        earned = float(raw) if isinstance(raw, int | float) else (question.points if correct else 0.0)
        mode = extension(data, LAUNCH_MODE_EXTENSION)
        practice = mode if isinstance(mode, str) and mode in PRACTICE_MODES else "Normal"
        links = tuple(knowledge)
        if links == catalog.question_knowledge.get(qid):
            links = catalog.question_knowledge[qid]  # the usual case: the course's own tuple, not a copy
        return [Answer(learner, qid, correct, earned, links, origin, practice)]
    if verb == VERB_COMPLETED:
        named = catalog.item(target["id"]) if isinstance(target.get("id"), str) else None
        acts = [named] if named and catalog.is_kind(named, "activity") else []
        acts += [i for i in items if catalog.is_kind(i, "activity") and i not in acts]
        return [ActivityDone(learner, a, True, origin) for a in acts]
    return []  # cmi5-defined and other statements name no item: nothing to report


def _task(
    data: Mapping[str, Any],
    verb: str,
    learner: str,
    target: Mapping[str, Any],
    result: Mapping[str, Any],
    origin: Origin,
    catalog: Catalog,
) -> list[Record]:
    """A performance task submitted or self-rated. Launches in Browse or Review are practice: not evidence."""
    task_id = extension(data, TASK_EXTENSION)
    if not isinstance(task_id, str):
        iri = target.get("id")
        ours = parse_activity_iri(iri) if isinstance(iri, str) else None
        task_id = ours[1] if ours is not None and ours[0] == "task" else None
    if not task_id:
        return []  # another tool's submit or rating: not ours
    mode = extension(data, LAUNCH_MODE_EXTENSION)
    if isinstance(mode, str) and mode in PRACTICE_MODES:
        return []
    _items(named_items(data), catalog)  # the O or P items it names must be the standard's
    if verb == VERB_SUBMITTED:
        fields = _json_object(result.get("response"), "result.response")
        return [submission(learner, task_id, fields, origin, catalog)]
    rater = extension(data, RATER_EXTENSION)
    if rater != SELF_RATER:
        raise ValueError(
            f"task {task_id}: a rating by {rater!r}: only self-ratings are read from statements "
            "(an instructor rates on the rating sheet)"
        )
    levels = extension(data, TASK_RATING_EXTENSION)
    if not isinstance(levels, dict):
        raise ValueError(f"task {task_id}: the rating has no {TASK_RATING_EXTENSION} object")
    return [self_rating(learner, task_id, levels, origin, catalog)]


def _json_object(value: Any, where: str) -> dict[str, Any]:
    try:
        parsed = parse_text(value) if isinstance(value, str) else None
    except NotJSON as exc:
        raise ValueError(f"{where} is not JSON: {exc}") from None
    if not isinstance(parsed, dict):
        raise ValueError(f"{where} is not a JSON object of field values")
    return parsed
