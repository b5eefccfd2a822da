"""One failing fixture per validation rule: the exact `file:line:col: message` and exit code 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from zhineng.modules.course_files import display_path

F = "tests/fixtures/invalid"

EXPECTED = {
    "yaml_syntax": "11:9: YAML syntax error: expected ',' or ']', but got ':' (while parsing a flow sequence at line 10)",
    "duplicate_key": "6:1: title: duplicate key 'title' (first at line 3)",
    "not_a_mapping": "1:1: expected a mapping of keys (`id: ...`, `title: ...`) at the top of the file",
    "not_utf8": "1:1: the file is not UTF-8 text (invalid start byte)",
    "wrong_type": "5:1: estimated_minutes: Input should be a valid integer, unable to parse string as an integer",
    "unknown_question_type": "15:5: questions[0]: unknown question type 'essay'; expected one of 'single_choice', "
    "'multiple_response', 'true_false', 'numeric', 'short_text', 'ordering', 'matching', 'cloze'",
    "reflection_without_attitude": "26:5: reflections[0]: missing required key 'attitude' (the A item this reflection develops, e.g. A01)",
    "question_without_knowledge": "18:5: questions[0].knowledge: List should have at least 1 item after validation, not 0",
    "rating_anchor_numbered": "33:21: reflections[0].rating.anchors[1]: anchor 2 starts with its number '2': "
    "write the text only, the number is shown for you",
    "rating_anchors_not_five": "32:7: reflections[0].rating.anchors: List should have at least 5 items after validation, not 3",
    "unknown_task": "2:1: task: unknown work task 'T4' (known: T1, T2, T3)",
    "unknown_knowledge": "18:17: questions[0].knowledge[0]: unknown K item 'K17' (known: K1, K2, K3, K4, K5, K6, K7, K8, K9, "
    "K10, K11, K12, K13, K14, K15, K16, T2-K1)",
    "unknown_indicator": "19:18: questions[0].indicators[0]: unknown indicator (P) 'P1.1.9'",
    "indicator_of_other_task": "19:18: questions[0].indicators[0]: indicator (P) 'P2.2.1' belongs to task T2, not to this module's task T1",
    "unknown_attitude": "27:5: reflections[0].attitude: unknown A item 'A08' (known: A01, A02, A03, A04, A05, A06, A07)",
    "unknown_activity": "8:5: lessons[0].activity: unknown activity 'T1.5'; 'T1.5' is the printed code, use the id "
    "'T1.5a' (選擇網路行銷工具與平台) or 'T1.5b' (執行網路行銷活動)",
    "duplicate_question_id": f"25:5: questions[1].id: duplicate question id 'Q1' (first at {F}/duplicate_question_id.yaml:15)",
    "duplicate_prompt": f"29:5: questions[1].prompt: same prompt as question 'Q1' ({F}/duplicate_prompt.yaml:20); "
    "no two questions may ask the same thing the same way",
    "no_correct_choice": "21:5: questions[0].choices: no choice is marked `correct: true`",
    "cloze_gap_not_marked": "23:10: questions[0].gaps[1].id: gap 'cost' is not marked in the text (write [[cost]] where it goes)",
    "cloze_unknown_gap": "20:5: questions[0].text: the text marks gap '[[fee]]', which is not one of the gaps (price, cost)",
    "cloze_same_answer_twice": "22:36: questions[0].gaps[0].accepted[1]: ' 售價' is the same answer as accepted[0] once normalised",
    "cloze_gaps_out_of_order": "21:5: questions[0].gaps: list the gaps in the order the text shows them (price, cost)",
    "two_correct_choices": "21:5: questions[0].choices: a single_choice question has exactly one correct choice, "
    "found 2 (a, b); use multiple_response",
    "answer_not_among_options": "36:22: questions[1].answer.p2: answer names 'o3', which is not one of the options (o1, o2)",
    "negative_tolerance": "31:5: questions[1].tolerance: tolerance must not be negative (got -0.5)",
    "ordering_key_incomplete": "34:5: questions[1].answer: the ordering key is incomplete: s3 not placed",
    "matching_key_incomplete": "36:5: questions[1].answer: the matching key is incomplete: no option for p2",
    "empty_lesson": "11:5: lessons[0].body: lesson 'L1' is empty: write its body in Markdown",
    "show_answer_unknown": "6:1: show_answer: Input should be 'always', 'answered', 'attempted', 'closed', "
    "'finished' or 'never'",
    "attempts_out_of_range": "27:5: questions[1].attempts: Input should be less than or equal to 20",
    "show_answer_closed_unlimited": "28:5: questions[1].show_answer: show_answer 'closed' never shows the answer "
    "when attempts are unlimited (0): set attempts, or use 'never'",
    "estimated_minutes_below_parts": "5:1: estimated_minutes: 20 is less than the 30 minutes of the module's lessons "
    "and performance tasks added up",
    "min_length_above_max": "29:5: reflections[0].min_length: min_length (300) is larger than max_length (200)",
}


def test_every_fixture_has_an_expectation() -> None:
    on_disk = {p.stem for p in (Path(__file__).parent / "fixtures" / "invalid").glob("*.yaml")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_rule_reports_exact_place_and_message(cli, rule: str) -> None:  # type: ignore[no-untyped-def]
    run = cli("validate", f"{F}/{rule}.yaml")
    assert run.code == 1
    assert run.out == ""
    assert run.err == f"{F}/{rule}.yaml:{EXPECTED[rule]}\n1 error(s)\n"
    assert "Traceback" not in run.err


def test_the_valid_base_of_the_fixtures_is_clean(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("validate", "-q", "tests/fixtures/valid/module.yaml")
    assert (run.code, run.out, run.err) == (0, "", "")  # no warning either


def test_unknown_key_is_a_warning_not_an_error(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("validate", "-q", "tests/fixtures/valid/unknown_key.yaml")  # -q: the warning alone
    assert run.code == 0
    assert (
        run.err
        == "tests/fixtures/valid/unknown_key.yaml:6:1: warning: author: unknown key 'author' is ignored\n"
    )


def test_all_errors_are_collected_across_files_and_items(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = Path(__file__).parent / "fixtures" / "invalid"
    folder = tmp_path / "course"
    folder.mkdir()
    for name in ("unknown_question_type", "no_correct_choice", "empty_lesson"):
        text = (bad / f"{name}.yaml").read_text(encoding="utf-8")
        # distinct ids per file, so the only problems are the planted ones
        text = (
            text.replace("id: M1", f"id: M-{name}")
            .replace("id: Q1", f"id: Q-{name}")
            .replace("id: L1", f"id: L-{name}")
        )
        text = text.replace("id: R1", f"id: R-{name}").replace("「功能」？", f"「功能」？({name})")
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    run = cli("validate", str(folder))
    assert run.code == 1
    lines = run.err.splitlines()
    assert lines[-1] == "3 error(s)"
    assert [line.split(": ", 1)[1] for line in lines[:-1]] == [
        "lessons[0].body: lesson 'L-empty_lesson' is empty: write its body in Markdown",
        "questions[0].choices: no choice is marked `correct: true`",
        "questions[0]: unknown question type 'essay'; expected one of 'single_choice', 'multiple_response', "
        "'true_false', 'numeric', 'short_text', 'ordering', 'matching', 'cloze'",
    ]


def test_one_bad_question_does_not_hide_the_others(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (Path(__file__).parent / "fixtures" / "invalid" / "unknown_question_type.yaml").read_text(
        encoding="utf-8"
    )
    text = text.replace("attitude: A01", "attitude: A09")
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    run = cli("validate", str(tmp_path / "m.yaml"))
    assert run.code == 1
    assert "unknown question type 'essay'" in run.err
    assert "reflections[0].attitude: unknown A item 'A09'" in run.err


def test_missing_path_is_a_clear_error(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("validate", "no/such/place")
    assert run.code == 1
    assert run.err == "zhineng: no/such/place: no such file or folder\n"


def test_a_folder_may_bring_its_own_standard(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = Path(__file__).resolve().parent.parent
    standard = (root / "modules/content/standard.yaml").read_text(encoding="utf-8")
    (tmp_path / "standard.yaml").write_text(
        standard.replace("title: 發展商品(服務)知識", "title: 認識商品"), encoding="utf-8"
    )
    (tmp_path / "T1.yaml").write_text(
        (root / "tests/fixtures/valid/module.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert cli("validate", str(tmp_path)).code == 0
    run = cli("coverage", str(tmp_path), "--format", "csv")
    assert "T1.1,activity,T1.1,1,1,0,0,0,0,,認識商品" in run.out.splitlines()


def test_a_broken_standard_is_reported_with_its_place(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "standard.yaml").write_text("id: x\ntitle: [\n", encoding="utf-8")
    (tmp_path / "T1.yaml").write_text("id: M\n", encoding="utf-8")
    run = cli("validate", str(tmp_path))
    assert run.code == 1
    shown = display_path(tmp_path / "standard.yaml")  # relative or absolute, as the CLI shows it from here
    assert run.err.startswith(f"{shown}:3:1: YAML syntax error")
