"""Every argument of every command has help text, and the README's quick start is the one that works."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

from zhineng.cli import _parser

README = Path(__file__).parent.parent / "README.md"


def _arguments(parser: argparse.ArgumentParser, name: str) -> Iterator[tuple[str, argparse.Action]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command, sub in action.choices.items():
                yield from _arguments(sub, f"{name} {command}")
        elif not isinstance(action, argparse._HelpAction):
            yield name, action


def test_every_option_and_argument_has_help() -> None:
    missing = [
        f"{command}: {'/'.join(action.option_strings) or action.dest}"
        for command, action in _arguments(_parser(), "zhineng")
        if not (action.help and action.help.strip()) or action.help == argparse.SUPPRESS
    ]
    assert missing == []


def test_readme_quick_start_makes_a_virtual_environment_on_python_3_11() -> None:
    text = README.read_text(encoding="utf-8")
    start = text[text.index("## Quick start") :]
    start = start[: start.index("\n## ", 1)]
    assert "Python ≥ 3.11" in start
    assert re.search(r"python3 -m venv \.venv\n(\. |source ).venv/bin/activate\n", start)
    assert "valid: 3 modules," in start  # what success looks like
    assert "wrote dist/" in start
