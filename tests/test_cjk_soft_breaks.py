"""A line break inside a Chinese sentence is not shown as a space, in any output of the built-in course."""

from __future__ import annotations

import html
import json
import re
import tarfile
import zipfile
from pathlib import Path

import pytest
from zhineng.xblocks.bank import parse_bank
from zhineng.xblocks.compiled import builtin_data
from zhineng.xblocks.public import public_question, revealed_answer

from zhineng.cjk_breaks import CJK
from zhineng.markdown import render_markdown

# A soft break renders as a newline: raw in HTML and XML, escaped ("\n") inside a JSON string.
SOFT_BREAK = re.compile(f"[{CJK}](?:\n|\\\\n)[{CJK}]")


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("摸清楚，\n再依公司", "<p>摸清楚，再依公司</p>\n"),
        ("先看**數據**\n再決定", "<p>先看<strong>數據</strong>再決定</p>\n"),
        ("「品牌」\n（定位）", "<p>「品牌」（定位）</p>\n"),
        ("中文\nEnglish\n中文", "<p>中文\nEnglish\n中文</p>\n"),  # a Latin word keeps its spaces
        ("ROAS\n是營收", "<p>ROAS\n是營收</p>\n"),
        ("冷泡 熱泡", "<p>冷泡 熱泡</p>\n"),  # a space the author typed stays
    ],
)
def test_soft_break_between_cjk_is_dropped(markdown: str, expected: str) -> None:
    assert render_markdown(markdown) == expected


def _members(archive: Path) -> list[tuple[str, str]]:
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as z:
            names = [n for n in z.namelist() if n.endswith((".html", ".js", ".xml", ".json"))]
            return [(n, z.read(n).decode()) for n in names]
    with tarfile.open(archive) as t:
        return [
            (m.name, t.extractfile(m).read().decode())  # type: ignore[union-attr]
            for m in t.getmembers()
            if m.isfile() and m.name.endswith((".html", ".xml"))
        ]


def _block_views(xml: str) -> list[str]:
    """The HTML a quiz block renders from the bank its OLX stores (Markdown there; rendered in the LMS)."""
    views: list[str] = []
    for match in re.finditer(r'bank="([^"]*)"', xml):
        content = json.loads(html.unescape(match.group(1)))
        for q in parse_bank(content).questions:
            views.append(public_question(q)["prompt_html"])
            views.append(revealed_answer(q)["explanation_html"])
    return views


def test_no_soft_break_survives_in_any_export(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("export", "--all", "--out", str(tmp_path)).code == 0
    archives = sorted(tmp_path.iterdir())
    assert {a.name.split("-")[1] for a in archives} >= {"scorm12", "scorm2004", "cmi5", "ECMKT"}
    found: list[str] = []
    checked = 0
    for archive in archives:
        for name, text in _members(archive):
            texts = _block_views(text) if 'bank="' in text else [text]
            checked += len(texts)
            found += [f"{archive.name}:{name}: {m.group()!r}" for t in texts for m in SOFT_BREAK.finditer(t)]
    assert checked > 100
    assert found == []


def test_no_soft_break_in_the_blocks_compiled_course() -> None:
    found: list[str] = []
    for content in builtin_data()["banks"]:
        for q in parse_bank(content).questions:
            for shown in (public_question(q)["prompt_html"], revealed_answer(q)["explanation_html"]):
                found += SOFT_BREAK.findall(shown)
    assert found == []
