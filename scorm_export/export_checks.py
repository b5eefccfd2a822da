"""What export would refuse in authored content, checked when the course is loaded, at the author's file and line.

`zhineng validate` and every export load the course through modules/loader.py, which calls these: a module
that cannot be packaged fails validation with `file:line:col:`, not later with no place. The rules stay in
their one home (the budget in budget.py, the limits in limits.py); this module only places them.
"""

from __future__ import annotations

from ..errors import Problem
from ..modules.model import Module
from ..modules.standard import Standard
from ..modules.yamlsrc import Source
from .budget import budget_input, budget_problems
from .limits import SCORM12_TITLE_MAX, SUSPEND_LIMIT
from .payload import content_hash


def module_export_problems(module: Module, source: Source, standard: Standard) -> list[Problem]:
    found = _title_problems(source, ("title",), module.title, "the module's title")
    task = next((t for t in standard.tasks if t.id == module.task), None)
    if task is None:  # an unknown task is reported by the cross-reference checks
        return found
    activities = [a.id for a in task.activities]
    digest = content_hash(module)
    for version in SUSPEND_LIMIT:  # cmi5 keeps the 2004 state, so its budget is the 2004 one
        for key, message in budget_problems(budget_input(module, activities, version, digest)):
            found.append(source.problem((key,), message.removeprefix(f"module {module.id}: ")))
    return found


def standard_export_problems(standard: Standard, source: Source) -> list[Problem]:
    """The standard's title names the course package (its SCORM organization)."""
    return _title_problems(source, ("title",), standard.title, "the standard's title")


def _title_problems(source: Source, path: tuple[str, ...], title: str, what: str) -> list[Problem]:
    if len(title) <= SCORM12_TITLE_MAX:
        return []
    message = (
        f"{what} has {len(title)} characters; SCORM 1.2 allows at most {SCORM12_TITLE_MAX} in a package title"
    )
    return [source.problem(path, message)]
