"""Comments, indentation, blank lines and the spaces no token needs out of the runtime's JavaScript and CSS;
nothing else changes.

No renaming: every token of the source stays as it is, so an error in the browser still points at recognisable
code. Lines are joined only after `;`, `{` and `,` and before `}`, `)` and `]`, where no line break matters, so
a line break the source relies on (automatic semicolon insertion) is still there. Within a line a space stays only between two signs that would otherwise read as one token
(`a + +b`, two words, a number and its dot) or beside a slash (a regular expression or a comment could form);
`a = b(c, d);` becomes `a=b(c,d);`. tests/test_runtime_bundle.py proves that each module keeps exactly its tokens (espree, the
parser ESLint uses, reads the source and the stripped text). A form this scanner does not read safely (a template
literal, a string continued over a line break) is refused with its place rather than guessed at.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ..errors import ZhinengError

# After one of these words a slash starts a regular expression, not a division.
_REGEX_AFTER_WORDS = frozenset(
    [
        "return",
        "typeof",
        "instanceof",
        "in",
        "of",
        "new",
        "delete",
        "void",
        "throw",
        "case",
        "do",
        "else",
        "yield",
        "await",
    ]
)


def _ident_char(c: str) -> bool:
    return c.isalnum() or c in "_$"


def _regex_may_start(code_before: str) -> bool:
    """Whether a slash here opens a regular expression, from the code before it."""
    before = code_before.rstrip()
    if not before:
        return True
    if _ident_char(before[-1]):
        i = len(before)
        while i > 0 and _ident_char(before[i - 1]):
            i -= 1
        return before[i:] in _REGEX_AFTER_WORDS
    return before[-1] not in ")]}"


def _trimmed(text: str) -> str:
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _joined(text: str, after: str, before: str) -> str:
    """Lines joined where the line break separates nothing: after a line ending in one of `after`, or before a
    line starting with one of `before`. In JavaScript that is after `;`, `{` and `,` and before `}`, `)` and `]`,
    where a line break can never end a statement (automatic semicolon insertion needs a line break where the next
    token cannot follow, and these signs leave none of those cases)."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and (out[-1][-1] in after or line[0] in before) and not line.startswith("-->"):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


# A string that ends on its line, with no line continued by a backslash.
_QUOTED = {q: re.compile(q + r"(?:[^" + q + r"\\\n]|\\[^\n\r])*" + q) for q in "\"'"}

# Stands for a run of spaces (or a comment within a line) until the code on both sides is known.
_SPACE = "\x00"


def _space_needed(before: str, after: str) -> bool:
    """Whether the code `before` and `after` (a character each) still read as the same tokens without a space."""
    if _ident_char(before) and (_ident_char(after) or after in ".\\"):
        return True  # two words, or a number and a dot (`1 .toString`)
    if "/" in (before, after):
        return True  # a division, a regular expression or a comment could run into the next
    pairs = ("++", "+-", "-+", "--", "->", "<!", "?.")
    return before + after in pairs


def _resolve_spaces(chunks: list[str], needed: Callable[[str, str], bool] = _space_needed) -> str:
    """Each space marker becomes one space where the tokens beside it need it, else nothing."""
    text = "".join(chunks)
    if _SPACE not in text:
        return text
    out: list[str] = []
    pieces = text.split(_SPACE)
    decided: dict[
        str, bool
    ] = {}  # by the two characters: a module has thousands of spaces, a few dozen pairs
    for k, piece in enumerate(pieces):
        if k and piece and out:
            before = out[-1][-1:] if out[-1] else ""
            if before and before != "\n" and piece[0] != "\n":
                pair = before + piece[0]
                need = decided.get(pair)
                if need is None:
                    need = decided[pair] = needed(before, piece[0])
                if need:
                    out.append(" ")
        if piece:
            out.append(piece)
    return "".join(out)


class _Scanner:
    def __init__(self, label: str, source: str) -> None:
        self.label = label
        self.src = source
        self.i = 0
        self.out: list[str] = []

    def fail(self, what: str) -> ZhinengError:
        line = self.src.count("\n", 0, self.i) + 1
        return ZhinengError(f"{self.label}:{line}: {what}")

    def tail(self) -> str:
        """The code before this point, back to its last word or sign (enough to tell a regex from a division)."""
        parts: list[str] = []
        for chunk in reversed(self.out):
            chunk = chunk.replace(_SPACE, " ")
            parts.append(chunk)
            text = chunk.strip()
            if text and not (len(text) == len(chunk) == 1 and _ident_char(text)):
                break  # a sign, a string, or whitespace before a word: the tail is complete
        return "".join(reversed(parts))

    def block_comment(self) -> None:
        end = self.src.find("*/", self.i + 2)
        if end < 0:
            raise self.fail("a comment that never ends")
        breaks = self.src.count("\n", self.i, end)
        self.out.append("\n" * breaks if breaks else _SPACE)  # keeps the tokens apart, and every line break
        self.i = end + 2

    def line_comment(self) -> None:
        end = self.src.find("\n", self.i)
        self.i = len(self.src) if end < 0 else end

    def quoted(self, quote: str) -> None:
        start = self.i
        whole = _QUOTED[quote].match(self.src, start)
        if whole is not None:  # the usual string; anything else is read below, to say what is wrong where
            self.out.append(whole.group())
            self.i = whole.end()
            return
        self.i += 1
        while True:
            if self.i >= len(self.src) or self.src[self.i] == "\n":
                self.i = start
                raise self.fail("a string that does not end on its line")
            c = self.src[self.i]
            if c == "\\":
                if self.src[self.i + 1 : self.i + 2] in ("\n", "\r"):
                    raise self.fail("a string continued over a line break: join it with +")
                self.i += 2
                continue
            self.i += 1
            if c == quote:
                break
        self.out.append(self.src[start : self.i])

    def regex(self) -> None:
        start = self.i
        self.i += 1
        in_class = False
        while True:
            if self.i >= len(self.src) or self.src[self.i] == "\n":
                self.i = start
                raise self.fail("a regular expression that does not end on its line")
            c = self.src[self.i]
            self.i += 1
            if c == "\\":
                self.i += 1
            elif c == "[":
                in_class = True
            elif c == "]":
                in_class = False
            elif c == "/" and not in_class:
                break
        while self.i < len(self.src) and _ident_char(self.src[self.i]):
            self.i += 1  # flags
        self.out.append(self.src[start : self.i])


# Text copied as it is, taken a run at a time up to the next character the scanner has to look at (a quote or
# a slash), with each run of spaces in it made one marker (markers side by side resolve as one); read character
# by character, the runtime's modules took 45 ms to strip. A run never ends within a word, which is what `tail`
# needs to tell a regular expression from a division.
_SPACES = re.compile(r"[ \t]+")
_EDGES = re.compile(r"[ \t]*\n[ \t]*")  # spaces beside a line break, which never become a space
_JS_PLAIN = re.compile(r"[^/\"'`]+|.", re.DOTALL)
_CSS_PLAIN = re.compile(r"[^/\"']+|.", re.DOTALL)


def _marked(text: str) -> str:
    return _SPACES.sub(_SPACE, _EDGES.sub("\n", text)) if " " in text or "\t" in text else text


# Both channels ship most modules (the player, the question types): each module's text is stripped once.
@functools.lru_cache(maxsize=256)
def strip_js(label: str, source: str) -> str:
    """The source without comments, indentation or blank lines. `label` places a refusal (file name)."""
    s = _Scanner(label, source)
    src = source
    if _SPACE in src:
        s.i = src.index(_SPACE)
        raise s.fail("a NUL character")
    while s.i < len(src):
        c = src[s.i]
        two = src[s.i : s.i + 2]
        if two == "//":
            s.line_comment()
        elif two == "/*":
            s.block_comment()
        elif c in "\"'":
            s.quoted(c)
        elif c == "`":
            raise s.fail("a template literal: the runtime's scripts use plain strings")
        elif c == "/" and _regex_may_start(s.tail()):
            s.regex()
        else:
            end = _JS_PLAIN.match(src, s.i).end()  # type: ignore[union-attr]
            s.out.append(_marked(src[s.i : end]))
            s.i = end
    return _joined(_trimmed(_resolve_spaces(s.out)), ";{,", "})]")


def _css_space_needed(before: str, after: str) -> bool:
    """A space beside braces, semicolons, commas and `>`, or after a colon, separates nothing. A space before a
    colon does (`a :hover` is not `a:hover`), and so do the spaces around `+` and `-` in calc()."""
    return before not in "{};,:>" and after not in "{};,>"


def strip_css(label: str, source: str) -> str:
    """The stylesheet without comments, indentation, blank lines or spaces that separate nothing."""
    s = _Scanner(label, source)
    src = source
    while s.i < len(src):
        c = src[s.i]
        if src[s.i : s.i + 2] == "/*":
            s.block_comment()
        elif c in "\"'":
            s.quoted(c)
        else:
            end = _CSS_PLAIN.match(src, s.i).end()  # type: ignore[union-attr]
            s.out.append(_marked(src[s.i : end]))
            s.i = end
    return _joined(_trimmed(_resolve_spaces(s.out, _css_space_needed)), "{};,>", "{};,>")
