"""Soft line breaks between two CJK characters are dropped: Chinese is written without spaces between words.

CommonMark renders a line break inside a paragraph as a newline, which a browser shows as a space. Authors wrap
long Chinese sentences in YAML block scalars, so "摸清楚，\\n再依公司" would read "摸清楚， 再依公司". The break is
kept when either side is not CJK (Latin words still need their space), as markdown-it's cjk_breaks plugin does.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

# Han (with extensions and compatibility ideographs), kana, bopomofo, CJK symbols and punctuation, vertical and
# small forms, full-width forms. Hangul is left out: Korean puts spaces between words.
CJK = (
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003134f"
)
_CJK_CHAR = re.compile(f"[{CJK}]")


def _is_cjk(char: str) -> bool:
    return bool(char) and _CJK_CHAR.fullmatch(char) is not None


def _neighbour_char(children: list[Token], start: int, step: int) -> str:
    """The first visible character from `start` in direction `step`, across emphasis and link tags."""
    index = start
    while 0 <= index < len(children):
        token = children[index]
        if token.type in ("text", "code_inline") and token.content:
            return token.content[-1] if step < 0 else token.content[0]
        if token.nesting == 0 and token.type not in ("text", "code_inline"):
            return ""  # another break or an image: nothing to join across
        index += step
    return ""


def drop_cjk_soft_breaks(state: StateCore) -> None:
    """markdown-it core rule: turn a softbreak with CJK on both sides into nothing."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children = block.children
        for index, token in enumerate(children):
            if token.type != "softbreak":
                continue
            if _is_cjk(_neighbour_char(children, index - 1, -1)) and _is_cjk(
                _neighbour_char(children, index + 1, 1)
            ):
                token.type = "text"
                token.content = ""


_CJK_LINE_BREAK = re.compile(f"(?<=[{CJK}])[ \\t]*\\n[ \\t]*(?=[{CJK}])")


def join_cjk_lines(text: str) -> str:
    """The same rule for plain text an LMS shows as is (manifest and cmi5 descriptions)."""
    return _CJK_LINE_BREAK.sub("", text)
