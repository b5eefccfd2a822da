"""Worst-case inputs shared by the hostile-input tests, the fuzz suite and bench/bench_hostile.py."""

from __future__ import annotations

from zhineng.modules.yamlsrc import MAX_NODES

# A "billion laughs": nine levels of nine aliases, 387 million strings once expanded.
ALIAS_BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)

# Course YAML an attacker would write: name -> text. Each must end in one placed error.
HOSTILE_YAML = {
    "alias_bomb": ALIAS_BOMB,
    "deep_flow": "[" * 50_000 + "]" * 50_000,
    "deep_block": "".join("  " * i + "k:\n" for i in range(60)),
    "deep_through_alias": "a: &a " + "[" * 30 + "]" * 30 + "\nb: [[*a]]\n",
    "many_values": "[" + "1, " * (MAX_NODES + 1) + "]",
    "huge_integer": "id: " + "9" * 5000 + "\n",
    "bad_date": "id: 2026-02-30\n",
    "python_tag": "id: !!python/object/apply:os.system [ls]\n",
    "merge_key": "a: {<<: {b: 1}}\n",
    "undefined_alias": "a: *nowhere\n",
    "recursive_alias": "a: &a [1, *a]\n",
    "nul_byte": "id: M\ntitle: 中文\x00\n",
    "two_documents": "id: M\n---\nid: N\n",
    "too_big": "x: " + "a" * 1_000_000,
    "long_line_syntax_error": "x: " + "a" * 900_000 + ": b: c",
}

# Request bodies no handler may answer with a 500.
HOSTILE_BODIES = {
    "nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "object nested 5,000 deep": b'{"answers":' * 5000 + b"{}" + b"}" * 5000,
    "nested 20 deep": b'{"answers": {"T1-Q001": ' + b"[" * 20 + b"]" * 20 + b"}}",
    "not UTF-8": b'{"answers": "\xff"}',
    "huge integer": b'{"rating": ' + b"9" * 5000 + b"}",
    "not JSON": b"{answers:",
    "too big": b'"' + b"a" * 8_000_001 + b'"',
}

# Every handler of every block: (scenario XML, handler name).
BLOCK_HANDLERS = [
    ("<zhineng_quiz/>", "submit"),
    ("<zhineng_quiz/>", "studio_submit"),
    ("<zhineng_reflection/>", "submit"),
    ("<zhineng_reflection/>", "studio_submit"),
    ("<zhineng_progress/>", "refresh"),
    ("<zhineng_progress/>", "studio_submit"),
]
