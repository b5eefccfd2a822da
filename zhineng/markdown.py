"""Markdown to safe HTML, once, at load time: markdown-it-py renders, nh3 keeps only what a lesson needs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING, Any

from .cjk_breaks import drop_cjk_soft_breaks

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "td": {"align"},
    "th": {"align"},
    # Only the table's own scroll box (below): authors cannot write HTML (html=False).
    "div": {"class", "role", "tabindex", "aria-label"},
}


LABEL_MAX = 120  # characters of a table box's name: enough to tell tables apart, short enough to hear


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Imported on the first render: markdown-it loads dozens of rule modules, and `validate` renders nothing.
    from markdown_it import MarkdownIt

    # html=False: raw HTML in Markdown is shown as text, never passed through; nh3 is the second fence.
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
        ["table", "strikethrough"]
    )
    # A line break between two CJK characters is a wrapped sentence, not a word gap.
    parser.core.ruler.push("cjk_breaks", drop_cjk_soft_breaks)
    parser.add_render_rule("table_open", _table_open)
    parser.add_render_rule("table_close", _table_close)
    return parser


def _table_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """A table opens inside a box of its own that scrolls sideways, so a phone scrolls the table, never the page
    or its columns squeezed to a character a line. The box can be focused (keyboard scrolling) and is named, in
    any language, by what the table holds: its column headings, then its first column (two tables on a page
    may share headings, rarely also their rows)."""
    heads: list[str] = []
    rows: list[str] = []
    in_head, first_cell = True, False
    for token in tokens[idx + 1 :]:
        if token.type == "table_close":
            break
        if token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            first_cell = True
        elif token.type == "inline":
            text = "".join(
                c.content for c in token.children or () if c.type in ("text", "code_inline")
            ).strip()
            if in_head:
                heads.append(text)
            elif first_cell:
                rows.append(text)
            first_cell = False
    label = " / ".join(h for h in heads if h)
    if any(rows):
        label += " — " + ", ".join(r for r in rows if r)
    if len(label) > LABEL_MAX:
        label = label[: LABEL_MAX - 1] + "…"
    return f'<div class="table-scroll" role="region" tabindex="0" aria-label="{escape(label, quote=True)}">\n<table>\n'


def _table_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return "</table>\n</div>\n"


# Every format renders the same prompts and explanations (828 renders of 286 texts for `export --all` on the
# built-in course): keyed by the source text, each renders once per process, or not at all when a helper
# process rendered it (`validate` and `export`: modules/read_ahead.py, zhineng/exporters.py). Bounded for
# long-lived LMS processes, and large enough for a 50x course (about 13,000 texts): when full it starts afresh
# (one dict operation, safe beside other threads).
_html: dict[str, str] = {}
_KEPT = 1 << 16
_BATCH = 24  # texts per message: the receiving process takes the first ones in before the last are rendered


def rendered_batches(texts: Iterable[str]) -> Iterator[dict[str, str]]:
    """The HTML of `texts`, by text, a few at a time: for a helper to send to the process that needs them."""
    batch: dict[str, str] = {}
    for text in texts:
        batch[text] = render_markdown(text)
        if len(batch) == _BATCH:
            yield batch
            batch = {}
    if batch:
        yield batch


def adopt(rendered: dict[str, str]) -> None:
    """Take the HTML another process rendered, for texts this one has yet to render."""
    if len(_html) + len(rendered) > _KEPT:
        _html.clear()
    _html.update(rendered)


# Asked to take in what has come (zhineng/forked.py Helper.poll, which calls `adopt`) before a text is rendered.
_suppliers: list[Callable[[], None]] = []


@contextmanager
def supplied_by(poll: Callable[[], None]) -> Iterator[None]:
    """While in this block, `poll` may bring the HTML of a text before it is rendered here."""
    _suppliers.append(poll)
    try:
        yield
    finally:
        _suppliers.remove(poll)


def waiting(texts: Iterable[str]) -> list[str]:
    """Those of `texts` that this process has neither rendered nor been given yet."""
    return [text for text in texts if text not in _html]


def forget() -> None:
    """Render every text again from now on (tests that count renders)."""
    _html.clear()


def render_markdown(text: str) -> str:
    html = _html.get(text)
    if html is None and _suppliers:
        for poll in _suppliers:
            poll()
        html = _html.get(text)
    if html is None:
        html = _render(text)
        if len(_html) >= _KEPT:
            _html.clear()
        _html[text] = html
    return html


def _render(text: str) -> str:
    import nh3

    html = _parser().render(text)
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
