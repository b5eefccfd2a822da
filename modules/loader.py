"""Load the standard and the modules from YAML, and check everything before anyone renders anything.

Gather, validate, then hand over: every problem in every file is collected and raised together
as `ValidationFailed`, each placed at `file:line:col` with the key path.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..errors import Problem, ValidationFailed
from ..gc_pause import gc_paused
from ..performance.model import FIELD_TYPES, Task
from ..quizzes.model import QUESTION_TYPES, Question
from ..scorm_export.export_checks import module_export_problems, standard_export_problems
from .course import Course
from .course_files import BUILTIN_DIR, STANDARD_FILE, course_files, read_source
from .crossref import CrossReferences
from .markdown_texts import module_texts
from .model import Lesson, Module, Reflection
from .standard import Standard
from .yamlsrc import Source, format_path

Reader = Callable[[Path], tuple[Source, list[Problem]]]

_HINTS = {
    "attitude": "the A item this reflection develops, e.g. A01",
    "knowledge": "the K items this question assesses, e.g. [K1]",
    "activity": "the activity of the standard, e.g. T1.1",
    "task": "the work task of the standard, e.g. T1",
    "outputs": "the work outputs (O) this task produces, e.g. [O3.1.1]",
    "indicators": "the P indicators this criterion rates, e.g. [P3.1.3]",
    "deliverable": "the fields the learner fills in: long_text, table, checklist or link",
    "rubric": "the criteria the work is rated on, each naming P indicators and listing 3-4 levels",
    "exemplar": "Markdown shown after submission: work that would earn the top level",
    "brief": "Markdown: the scenario and what to produce",
    "type": ", ".join(QUESTION_TYPES[:-1]) + " or " + QUESTION_TYPES[-1],
}

_FIELD_TYPE_HINT = "a deliverable field is " + ", ".join(FIELD_TYPES[:-1]) + " or " + FIELD_TYPES[-1]


def validate_model(source: Source, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    """Validate parsed data against a pydantic model; map its errors back to file places."""
    if not isinstance(source.data, dict):
        return None, [
            source.problem((), "expected a mapping of keys (`id: ...`, `title: ...`) at the top of the file")
        ]
    try:
        return model.model_validate(source.data), []
    except ValidationError as exc:
        return None, [_pydantic_problem(source, err) for err in exc.errors(include_url=False)]


def _pydantic_problem(source: Source, err: Any) -> Problem:
    path, missing = _data_path(source.data, err["loc"])
    kind = err["type"]
    if kind == "missing" and missing is not None:
        hint = _HINTS.get(missing)
        message = f"missing required key '{missing}'" + (f" ({hint})" if hint else "")
    elif kind == "union_tag_invalid":
        what = "field" if "deliverable" in err["loc"] else "question"
        message = f"unknown {what} type '{err['ctx']['tag']}'; expected one of {err['ctx']['expected_tags']}"
    elif kind == "union_tag_not_found":
        hint = _FIELD_TYPE_HINT if "deliverable" in err["loc"] else _HINTS["type"]
        message = f"missing required key 'type' ({hint})"
    else:
        message = err["msg"]
    return source.problem(path, message)


def _data_path(data: Any, loc: Sequence[Any]) -> tuple[tuple[str | int, ...], str | None]:
    """Turn pydantic's `loc` into a path through the YAML data (dropping union tags and `[key]`)."""
    path: list[str | int] = []
    current = data
    for i, seg in enumerate(loc):
        if seg == "[key]":
            continue
        if (
            isinstance(current, dict)
            and seg in current
            or isinstance(current, list)
            and isinstance(seg, int)
            and 0 <= seg < len(current)
        ):
            path.append(seg)
            current = current[seg]
        elif isinstance(current, dict) and current.get("type") == seg:
            continue  # the discriminated union's tag
        elif isinstance(current, dict) and i == len(loc) - 1:
            return tuple(path), str(seg)  # a key that is missing here
        else:
            break
    return tuple(path), None


def unknown_key_warnings(source: Source, model: BaseModel, path: tuple[str | int, ...] = ()) -> list[Problem]:
    """Keys pydantic kept as extras are typos or keys this version does not know: warn, do not fail."""
    found = [
        source.problem((*path, key), f"unknown key '{key}' is ignored", "warning")
        for key in (model.model_extra or {})
    ]
    for name in type(model).model_fields:
        found += _walk_unknown(source, getattr(model, name), (*path, name))
    return found


def _walk_unknown(source: Source, value: Any, path: tuple[str | int, ...]) -> list[Problem]:
    if isinstance(value, BaseModel):
        return unknown_key_warnings(source, value, path)
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _walk_unknown(source, v, (*path, i))]
    return []


_PARTS: dict[str, TypeAdapter[Any]] = {
    "lessons": TypeAdapter(Lesson),
    "questions": TypeAdapter(Question),
    "reflections": TypeAdapter(Reflection),
    "tasks": TypeAdapter(Task),
}


def _check_salvaged(refs: CrossReferences, source: Source) -> list[Problem]:
    """The module as a whole did not validate: still check each lesson, question and reflection that did."""
    data = source.data
    parts: dict[str, list[tuple[int, Any]]] = {}
    for key, adapter in _PARTS.items():
        items = data.get(key)
        parts[key] = []
        for i, item in enumerate(items if isinstance(items, list) else []):
            with contextlib.suppress(ValidationError):  # already reported against the whole module
                parts[key].append((i, adapter.validate_python(item)))
    mastery = data.get("mastery")
    knowledge = mastery.get("knowledge") if isinstance(mastery, dict) else None
    return refs.check_parts(
        source,
        module_id=data["id"] if isinstance(data.get("id"), str) else None,
        task=data["task"] if isinstance(data.get("task"), str) else None,
        lessons=parts["lessons"],
        questions=parts["questions"],
        reflections=parts["reflections"],
        tasks=parts["tasks"],
        mastery_knowledge=[k for k in knowledge if isinstance(k, str)] if isinstance(knowledge, dict) else [],
    )


def load_standard(path: Path | None = None, read: Reader = read_source) -> Standard:
    source, problems = read(path or BUILTIN_DIR / STANDARD_FILE)
    standard, more = validate_model(source, Standard) if not problems else (None, [])
    if isinstance(standard, Standard):
        more += standard_export_problems(standard, source)
    if problems or more or not isinstance(standard, Standard):
        raise ValidationFailed(problems + more)
    return standard


def load_course(paths: Sequence[Path] = (), read: Reader = read_source) -> Course:
    """Load and check a course: the built-in one, or the given files and folders. `read` gives each file's
    parse (modules/read_ahead.py hands in what another process parsed)."""
    with gc_paused():  # its YAML nodes and models are many and hold no cycles (see gc_pause)
        return _load_course(paths, read)


def _load_course(paths: Sequence[Path], read: Reader) -> Course:
    files, standard_file = course_files(paths)
    standard = load_standard(standard_file, read)
    problems: list[Problem] = []
    refs = CrossReferences(standard)
    modules: list[tuple[Module, Source]] = []
    for file in files:
        source, found = read(file)
        module, more = validate_model(source, Module) if not found else (None, [])
        problems += found + more
        if isinstance(module, Module):
            problems += unknown_key_warnings(source, module)
            problems += refs.check_module(module, source)
            problems += module_export_problems(module, source, standard)
            modules.append((module, source))
        elif isinstance(source.data, dict):
            problems += _check_salvaged(refs, source)
    problems += refs.check_course()
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationFailed(problems)
    order = {t.id: i for i, t in enumerate(standard.tasks)}
    modules.sort(key=lambda ms: (order.get(ms[0].task, len(order)), ms[0].id))
    return Course(
        standard=standard,
        modules=tuple(m for m, _ in modules),
        files={m.id: s.file for m, s in modules},
        warnings=tuple(sorted(problems)),
        markdown={m.id: module_texts(s.data) for m, s in modules},
    )


__all__ = ["Course", "Reader", "format_path", "load_course", "load_standard"]
