"""Progress block: the standing read from the course's quiz and reflection blocks, as it changes."""

from __future__ import annotations

from zhineng.xblocks.scenarios import progress_scenarios

from .harness import Harness


def test_progress_follows_quiz_and_reflection(harness: Harness) -> None:
    root = harness.parse(progress_scenarios()[0][1])
    quiz, reflection, progress = (harness.runtime.get_block(c) for c in root.children)
    before = harness.call(progress, "refresh", {}).data
    assert before["knowledge"]["K2"] == "not_yet"
    assert before["activities"]["T1.1"] == "not_yet"
    assert before["attitudes"]["A02"] == "not_yet"
    assert before["knowledge"]["K9"] == "not_assessed"
    assert before["tasks"]["T2"] == "not_offered"

    harness.call(quiz, "submit", {"answers": {"T1-Q006": False, "T1-Q002": "81.8"}})
    middle = harness.call(progress, "refresh", {}).data
    assert middle["knowledge"]["K2"] == "mastered" and middle["knowledge"]["K1"] == "not_yet"
    assert middle["activities"]["T1.1"] == "done"
    assert middle["tasks"]["T1"] == "not_yet"  # the T1.2 reflection is still open

    text = "反思" * (reflection.min_length // 2 + 1)  # long enough whatever the content asks
    assert harness.call(reflection, "submit", {"text": text, "rating": 3}).status == 200
    after = harness.call(progress, "refresh", {}).data
    assert after["attitudes"]["A02"] == "reflected"
    assert after["tasks"]["T1"] == "done"
    html = harness.html(progress)
    assert 'data-id="A02" data-status="reflected"' in html


def test_progress_refresh_rejects_unknown_keys(harness: Harness) -> None:
    root = harness.parse(progress_scenarios()[0][1])
    progress = harness.runtime.get_block(root.children[-1])
    assert harness.call(progress, "refresh", {"user": "someone-else"}).status == 400
