"""Studio handlers: settings saved together after every check; YAML imports; bad input is 400, unchanged."""

from __future__ import annotations

from .harness import Harness

SETTINGS = {
    "display_name": "匯入測驗",
    "selection_kind": "module",
    "selection": "",
    "weight": 2.5,
    "max_attempts": 3,
    "show_answer": "attempted",
}

YAML = """
id: M9
mastery: {threshold: 0.5}
questions:
  - id: M9-Q1
    type: true_false
    activity: T1.1
    knowledge: [K1]
    prompt: 毛利率的分母是售價。
    explanation: 毛利率 = 毛利 ÷ 售價。
    answer: true
    feedback: {correct: 對。, incorrect: 分母是售價。}
"""


def test_quiz_studio_imports_yaml_and_saves_settings(harness: Harness) -> None:
    block = harness.parse("<zhineng_quiz/>")
    reply = harness.call(block, "studio_submit", {**SETTINGS, "yaml": YAML})
    assert reply.status == 200 and reply.data == {"result": "success", "questions": 1}
    assert block.bank["module"] == "M9" and block.weight == 2.5 and block.max_attempts == 3
    assert [q.id for q in block.questions()] == ["M9-Q1"]
    assert harness.call(block, "submit", {"answers": {"M9-Q1": True}}).data["score"] == 1.0
    assert "studio" in harness.html(block, "studio_view")


def test_quiz_studio_rejects_bad_input_and_keeps_everything(harness: Harness) -> None:
    block = harness.parse("<zhineng_quiz/>")
    cases = [
        ({**SETTINGS, "weight": "heavy"}, "'weight' must be a number"),
        ({**SETTINGS, "max_attempts": 1.5}, "'max_attempts' must be a whole number"),
        ({**SETTINGS, "max_attempts": 21}, "'max_attempts' must be between 0 and 20 (got 21)"),
        (
            {**SETTINGS, "show_answer": "sometimes"},
            "'show_answer' must be one of: always, answered, attempted, closed, finished, never",
        ),
        ({**SETTINGS, "selection_kind": "ids", "selection": "X-1"}, "unknown question id 'X-1'"),
        ({**SETTINGS, "yaml": "questions: [{id: Q}]"}, None),
        ({**SETTINGS, "yaml": "a: [b"}, None),
        ({**SETTINGS, "yaml": "x" * 1_000_001}, "'yaml' is longer than 1000000 characters (1000001)"),
    ]
    for body, message in cases:
        reply = harness.call(block, "studio_submit", body)
        assert reply.status == 400, body
        if message:
            assert reply.data["error"] == message
        assert block.bank == {} and block.display_name == "Quiz" and block.max_attempts is None


def test_reflection_studio_form_and_yaml(harness: Harness) -> None:
    block = harness.parse("<zhineng_reflection/>")
    form = {
        "display_name": "反思",
        "attitude": "A01",
        "activity": "T1.1",
        "prompt": "寫下一次你細心檢查的經驗。",
        "guidance": "",
        "rating_prompt": "你多細心？",
        "anchors": "1\n2\n3\n4\n5",
        "min_length": 10,
        "max_length": 500,
    }
    assert harness.call(block, "studio_submit", form).status == 200
    assert block.attitude == "A01" and block.rating_anchors == ["1", "2", "3", "4", "5"]
    bad = harness.call(block, "studio_submit", {**form, "anchors": "1\n2"})
    assert bad.status == 400 and "five" in bad.data["error"]
    bad = harness.call(block, "studio_submit", {**form, "min_length": 600})
    assert (bad.status, bad.data["error"]) == (400, "the minimum length is above the maximum length")
    yaml_text = (
        "id: R9\nattitude: A03\nprompt: 想一想。\nmin_length: 5\n"
        "rating: {prompt: 如何？, anchors: [一, 二, 三, 四, 五]}\n"
    )
    assert harness.call(block, "studio_submit", {"yaml": yaml_text}).status == 200
    assert block.attitude == "A03" and block.min_length == 5
    assert "studio" in harness.html(block, "studio_view")


def test_progress_studio(harness: Harness) -> None:
    block = harness.parse("<zhineng_progress/>")
    assert harness.call(block, "studio_submit", {"display_name": "進度"}).status == 200
    assert block.display_name == "進度"
    assert harness.call(block, "studio_submit", {"display_name": 3}).status == 400
