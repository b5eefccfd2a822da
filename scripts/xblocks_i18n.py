"""Extract, compile and check the XBlocks' translations (gettext domain `text`, as Open edX expects).

    python scripts/xblocks_i18n.py extract   # update xblocks/translations/*/LC_MESSAGES/text.po from the code
    python scripts/xblocks_i18n.py compile   # write text.mo beside each text.po
    python scripts/xblocks_i18n.py check     # exit 1 if a .po is stale, a zh_TW string is missing, or a .mo is stale

Strings are the literal arguments of `_()` in xblocks/*.py, the words of each question type's block widget
(the `block_strings={...}` of its unit in quizzes/types/*.py), and the labels of the rules' own vocabularies
(a `..._LABELS = {...}` of quizzes/*.py, such as the show-answer policy's in quizzes/attempts.py). No Babel needed: the .po files are simple
and this script both writes and reads them.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "xblocks"
QUESTION_TYPES = ROOT / "quizzes" / "types"
LOCALES = ("en", "zh_TW")
HEADER = {
    "en": "Language: en\\n",
    "zh_TW": "Language: zh_TW\\n",
}


def po_path(locale: str) -> Path:
    return PACKAGE / "translations" / locale / "LC_MESSAGES" / "text.po"


def extract() -> dict[str, list[str]]:
    """msgid -> places, in first-seen order."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and len(node.args) == 1
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                places = found.setdefault(node.args[0].value, [])
                # File names only: line numbers would make every reformat a translation change.
                if f"xblocks/{path.name}" not in places:
                    places.append(f"xblocks/{path.name}")
    for path in sorted(QUESTION_TYPES.parent.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target = node.target if isinstance(node, ast.AnnAssign) else None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
            if (
                isinstance(target, ast.Name)
                and target.id.endswith("_LABELS")
                and isinstance(node.value, ast.Dict)  # type: ignore[union-attr]
            ):
                for text in node.value.values:  # type: ignore[union-attr]
                    if isinstance(text, ast.Constant) and isinstance(text.value, str):
                        places = found.setdefault(text.value, [])
                        if f"quizzes/{path.name}" not in places:
                            places.append(f"quizzes/{path.name}")
    for path in sorted(QUESTION_TYPES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.keyword)
                and node.arg == "block_strings"
                and isinstance(node.value, ast.Dict)
            ):
                for text in node.value.values:
                    if isinstance(text, ast.Constant) and isinstance(text.value, str):
                        places = found.setdefault(text.value, [])
                        if f"quizzes/types/{path.name}" not in places:
                            places.append(f"quizzes/types/{path.name}")
    return found


def _quote(text: str) -> str:
    return (
        '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'
    )


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    out, i = [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def read_po(path: Path) -> dict[str, str]:
    return parse_po(path.read_text(encoding="utf-8")) if path.exists() else {}


def parse_po(text: str) -> dict[str, str]:
    """msgid -> msgstr (the header entry, msgid "", included)."""
    entries: dict[str, str] = {}
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    current: list[str] | None = None

    def flush() -> None:
        if msgid is not None and msgstr is not None:
            entries["".join(msgid)] = "".join(msgstr)

    for line in text.splitlines():
        if line.startswith("msgid "):
            flush()
            msgid, msgstr = [_unquote(line[6:])], None
            current = msgid
        elif line.startswith("msgstr "):
            msgstr = [_unquote(line[7:])]
            current = msgstr
        elif line.startswith('"') and current is not None:
            current.append(_unquote(line))
    flush()
    return entries


def render_po(locale: str, strings: dict[str, list[str]], old: dict[str, str]) -> str:
    lines = [
        f"# zhineng XBlocks — {locale}. Regenerate with `python scripts/xblocks_i18n.py extract`.",
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        f'"{HEADER[locale]}"',
        "",
    ]
    for msgid, places in strings.items():
        lines.append("#: " + " ".join(places))
        lines.append(f"msgid {_quote(msgid)}")
        lines.append(f"msgstr {_quote(old.get(msgid, ''))}")
        lines.append("")
    return "\n".join(lines)


def mo_bytes(entries: dict[str, str]) -> bytes:
    """GNU .mo: header, then sorted original and translation tables. Empty translations are left out."""
    pairs = sorted((k, v) for k, v in entries.items() if v or k == "")
    ids = [k.encode() for k, _ in pairs]
    strs = [v.encode() for _, v in pairs]
    n = len(pairs)
    start = 7 * 4 + 16 * n
    offsets, blob = [], b""
    for s in ids:
        offsets.append((len(s), start + len(blob)))
        blob += s + b"\0"
    trans = []
    for s in strs:
        trans.append((len(s), start + len(blob)))
        blob += s + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, n, 28, 28 + 8 * n, 0, 0)
    out += b"".join(struct.pack("<2I", *o) for o in offsets)
    out += b"".join(struct.pack("<2I", *o) for o in trans)
    return out + blob


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    strings = extract()
    problems: list[str] = []
    for locale in LOCALES:
        path = po_path(locale)
        old = read_po(path)
        text = render_po(locale, strings, old)
        entries = parse_po(text)
        mo = path.with_suffix(".mo")
        if command == "extract":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        elif command == "compile":
            mo.write_bytes(mo_bytes(entries))
        elif command == "check":
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                problems.append(
                    f"{path.relative_to(ROOT)} is stale: run `python scripts/xblocks_i18n.py extract`"
                )
            if locale != "en":
                missing = [k for k in strings if not old.get(k)]
                problems += [f"{path.relative_to(ROOT)}: no translation for {k!r}" for k in missing]
            if not mo.exists() or mo.read_bytes() != mo_bytes(entries):
                problems.append(
                    f"{mo.relative_to(ROOT)} is stale: run `python scripts/xblocks_i18n.py compile`"
                )
        else:
            print(__doc__, file=sys.stderr)
            return 2
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
