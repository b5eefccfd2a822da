"""Self-rating anchors are numbered once, by the runtime: the block shows "1 – text", and Studio refuses an
anchor that carries its own number (which would read "1 – 1 text")."""

from __future__ import annotations

import re

from .harness import Harness

XML = '<zhineng_reflection attitude="A01" min_length="5" prompt="寫下來。" rating_anchors=\'["很少", "偶爾", "有時", "經常", "總是"]\'/>'


def test_block_numbers_each_anchor_once(harness: Harness) -> None:
    html = harness.html(harness.parse(XML))
    labels = re.findall(r'<label for="[^"]*-rating-\d">([^<]*)</label>', html)
    assert labels == ["1 – 很少", "2 – 偶爾", "3 – 有時", "4 – 經常", "5 – 總是"]


def test_studio_refuses_a_numbered_anchor(harness: Harness) -> None:
    block = harness.parse(XML)
    form = {
        "display_name": "反思",
        "attitude": "A01",
        "activity": "",
        "prompt": "寫下來。",
        "guidance": "",
        "rating_prompt": "如何？",
        "anchors": "很少\n2 偶爾\n有時\n經常\n總是",
        "min_length": 5,
        "max_length": 500,
    }
    bad = harness.call(block, "studio_submit", form)
    assert (bad.status, bad.data["error"]) == (
        400,
        "anchor 2 starts with its number '2': write the text only, the number is shown for you",
    )
    yaml_text = "id: R9\nattitude: A03\nprompt: 想一想。\nmin_length: 5\nrating: {prompt: 如何？, anchors: [1、一, 二, 三, 四, 五]}\n"
    bad = harness.call(block, "studio_submit", {"yaml": yaml_text})
    assert bad.status == 400 and bad.data["error"].startswith(
        "rating.anchors.0: anchor 1 starts with its number"
    )
