"""Progress block: the standing read from the course's quiz and reflection blocks, as it changes."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape

from zhineng.xblocks.scenarios import progress_scenarios

from .harness import Harness


def test_progress_follows_quiz_and_reflection(harness: Harness) -> None:
    root = harness.parse(progress_scenarios()[0][1])
    quiz, reflection, progress = (harness.runtime.get_block(c) for c in root.children)
    before = harness.call(progress, "refresh", {}).data
    assert before["knowledge"]["K2"] == "not_attempted"
    assert before["activities"]["T1.1"] == "not_attempted"
    assert before["attitudes"]["A02"] == "not_attempted"
    assert before["knowledge"]["K9"] == "not_offered"  # no question of this course assesses it
    assert before["tasks"]["T1"] == "not_attempted"
    assert before["tasks"]["T2"] == "not_offered"

    harness.call(quiz, "submit", {"answers": {"T1-Q006": False, "T1-Q002": "81.8"}})
    middle = harness.call(progress, "refresh", {}).data
    assert middle["knowledge"]["K2"] == "mastered" and middle["knowledge"]["K1"] == "not_mastered"
    assert middle["activities"]["T1.1"] == "completed"
    assert middle["tasks"]["T1"] == "incomplete"  # the T1.2 reflection is still open

    text = "反思" * (reflection.min_length // 2 + 1)  # long enough whatever the content asks
    assert harness.call(reflection, "submit", {"text": text, "rating": 3}).status == 200
    after = harness.call(progress, "refresh", {}).data
    assert after["attitudes"]["A02"] == "reflected"
    assert after["tasks"]["T1"] == "completed"
    html = harness.html(progress)
    assert 'data-id="A02" data-status="reflected"' in html


def test_progress_refresh_rejects_unknown_keys(harness: Harness) -> None:
    root = harness.parse(progress_scenarios()[0][1])
    progress = harness.runtime.get_block(root.children[-1])
    assert harness.call(progress, "refresh", {"user": "someone-else"}).status == 400


def test_progress_labels_tell_shared_codes_apart(harness: Harness) -> None:
    """Two printed "K1" and two "A01" (ERRATA.md E5, E7) are shown with the text that tells them apart."""
    html = harness.html(harness.parse("<zhineng_progress/>"))
    knowledge = [
        " ".join(unescape(re.sub(r"<[^>]+>", " ", x)).split())
        # the knowledge table only: a P indicator that two tasks' rubrics name is rightly listed under both
        for x in re.findall(
            r'<th scope="row">(.*?)</th>', html.split('<ul class="zhineng-performance">')[0], re.S
        )
    ]
    attitudes = [
        " ".join(unescape(x).split())
        for x in re.findall(r'<ul class="zhineng-attitudes">.*?</ul>', html, re.S)[0].split("<li>")[1:]
    ]
    attitudes = [a.split(":")[0] for a in attitudes]
    assert sum(1 for k in knowledge if k.startswith("K1 ")) == 2
    assert sorted(a for a in attitudes if a.startswith("A01 ")) == ["A01 冒險挑戰", "A01 謹慎細心"]
    assert [s for s, n in Counter(knowledge + attitudes).items() if n > 1] == []
