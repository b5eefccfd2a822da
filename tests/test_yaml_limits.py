"""Hostile course YAML: every input ends in a placed `file:line:col:` error and exit 1, quickly and in bounded
memory (the loader runs in a child process under an address-space limit, so a regression fails, not hangs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hostile_inputs import HOSTILE_YAML
from zhineng.modules.yamlsrc import MAX_DEPTH, MAX_NODES, parse

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = {
    "alias_bomb": "5:28: with its aliases the file holds more than 50,000 values",
    "deep_flow": f"1:{MAX_DEPTH + 1}: nested more than {MAX_DEPTH} levels deep",
    "deep_block": f"{MAX_DEPTH + 1}:",
    "deep_through_alias": "2:6: nested more than",
    "many_values": f"more than {MAX_NODES:,} values",
    "huge_integer": "1:5: '99999",
    "bad_date": "1:5: '2026-02-30' is not a valid timestamp",
    "python_tag": "1:5: YAML tag",
    "merge_key": "1:5: YAML merge keys",
    "undefined_alias": "1:4: YAML alias '*nowhere' names no anchor",
    "recursive_alias": "1:11: YAML alias '*a' names no anchor",
    "nul_byte": "2:10: YAML error: character U+0000 is not allowed",
    "two_documents": "2:1: YAML syntax error: expected a single document",
    "too_big": "1:1: the file has 1,000,003 characters",
    "long_line_syntax_error": "1:900004: YAML syntax error: mapping values are not allowed",
}


def test_every_hostile_input_has_an_expectation() -> None:
    assert set(EXPECTED) == set(HOSTILE_YAML)


@pytest.mark.parametrize("name", sorted(HOSTILE_YAML))
def test_hostile_yaml_is_a_placed_error(name: str) -> None:
    expected = EXPECTED[name]
    source, problems = parse(HOSTILE_YAML[name], "m.yaml")
    assert source.data is None or problems
    assert any(str(p).startswith("m.yaml:") and expected in str(p) for p in problems), problems


def test_an_anchor_within_the_limits_is_read_like_pyyaml() -> None:
    """Files written by yaml.safe_dump carry anchors for shared values; those stay readable."""
    source, problems = parse("a: &x [1, 2]\nb: *x\n", "m.yaml")
    assert problems == [] and source.data == {"a": [1, 2], "b": [1, 2]}
    assert source.place(("b", 0)) == (2, 1)  # a value reached through an alias is placed at its key


CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
from zhineng.cli import main
sys.exit(main(["validate", sys.argv[1]]))
"""


@pytest.mark.parametrize("name", ["alias_bomb", "deep_flow", "huge_integer", "many_values"])
def test_validate_refuses_in_bounded_time_and_memory(tmp_path: Path, name: str) -> None:
    module = tmp_path / "T1.yaml"
    module.write_text(HOSTILE_YAML[name], encoding="utf-8")
    limit = 600 * 2**20  # address space, not resident memory: Python and its libraries map ~300 MB
    run = subprocess.run(
        [sys.executable, "-c", CHILD.replace("MEMORY", str(limit)), str(module)],
        capture_output=True,
        text=True,
        timeout=120,  # a hang fails here instead of stalling the suite; not a speed assertion
        cwd=ROOT,
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""
    assert run.stderr.startswith(str(module) + ":") or f"{module.name}:" in run.stderr.splitlines()[0]
    assert EXPECTED[name].split(": ", 1)[-1][:20] in run.stderr
