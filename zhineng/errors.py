"""One error hierarchy for the whole toolkit; the CLI catches `ZhinengError` at the edge."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


class ZhinengError(Exception):
    """Base of every error a user can cause (bad YAML, bad arguments, bad files)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about an authored file, placed at the line a person sees in an editor."""

    file: str
    line: int
    col: int
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.file}:{self.line}:{self.col}: {prefix}{self.message}"


class ValidationFailed(ZhinengError):
    """Raised with every problem found, so an author can fix them all in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]
