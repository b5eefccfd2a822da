"""The standard is encoded completely, with unique ids, printed codes kept as labels, and errata resolved."""

from __future__ import annotations

from collections import Counter

import pytest
from zhineng.modules.loader import load_standard
from zhineng.modules.standard import Standard


@pytest.fixture(scope="module")
def std() -> Standard:
    return load_standard()


def test_header(std: Standard) -> None:
    assert std.title == "電子商務行銷企劃人員 職能基準"
    assert std.job_description == "分析銷售數據，進行網路行銷活動規劃與執行。"
    assert std.entry_level == "大學以上畢業，具備工作經歷 2 年以上。"
    assert std.level is None  # E11: blank in the seed, never inferred


def test_ids_are_unique(std: Standard) -> None:
    counts = Counter(item.id for item in std.items())
    assert [i for i, n in counts.items() if n > 1] == []


def test_counts_match_the_printed_table(std: Standard) -> None:
    kinds = Counter(item.kind for item in std.items())
    assert kinds == {
        "task": 3,
        "activity": 15,
        "output": 31,
        "indicator": 60,
        "knowledge": 17,
        "skill": 10,
        "attitude": 7,
    }
    assert len(std.activities) == 15


def test_activities_in_seed_order(std: Standard) -> None:
    assert [(a.id, a.label) for t in std.tasks for a in t.activities] == [
        ("T1.1", "T1.1"),
        ("T1.2", "T1.2"),
        ("T1.3", "T1.3"),
        ("T1.4", "T1.4"),
        ("T1.5a", "T1.5"),
        ("T1.5b", "T1.5"),
        ("T1.6", "T1.6"),
        ("T2.1", "T2.1"),
        ("T2.2", "T2.2"),
        ("T2.3", "T2.3"),
        ("T2.4", "T2.4"),
        ("T2.5", "T2.5"),
        ("T3.1", "T3.1"),
        ("T3.2", "T3.2"),
        ("T3.3", "T3.3"),
    ]


@pytest.mark.parametrize(
    ("item_id", "label", "erratum"),
    [
        ("P1.4.1", "P1.5.1", "E2"),
        ("P1.4.3", "P1.5.3", "E2"),
        ("P1.5a.4", "P1.5.4", "E1"),
        ("P1.5b.1", "P1.5.1", "E1"),
        ("O1.5b.1", "O1.5.1", "E1"),
        ("P2.5.1", "P2.3.1", "E3"),
        ("P3.1.3", "P3.1.3", None),
        ("P3.1.4", "P3.1.3", "E4"),
        ("A05", "A01", "E5"),
        ("A06", "A06", "E5"),  # no printed code: the label falls back to the id
        ("S1b", "S1", "E6"),
        ("T2-K1", "K1", "E7"),
        ("O2.4.1", "O2.4.1", "E10"),
    ],
)
def test_errata_keep_the_printed_code_as_label(
    std: Standard, item_id: str, label: str, erratum: str | None
) -> None:
    item = std.index[item_id]
    assert (item.label, item.erratum) == (label, erratum)


def test_texts_that_the_seed_does_not_give_are_not_invented(std: Standard) -> None:
    assert std.index["S8"].text is None
    assert std.index["S9"].text is None
    a06 = next(a for a in std.attitudes if a.id == "A06")
    assert (a06.name, a06.code, a06.text) == ("抗壓性", None, None)


def test_attitudes_include_the_uncoded_ones(std: Standard) -> None:
    assert [(a.id, a.name) for a in std.attitudes] == [
        ("A01", "謹慎細心"),
        ("A02", "追求卓越"),
        ("A03", "應對不明狀況"),
        ("A04", "好奇開放"),
        ("A05", "冒險挑戰"),
        ("A06", "抗壓性"),
        ("A07", "自我管理"),
    ]
    a07 = next(a for a in std.attitudes if a.id == "A07")
    assert a07.text is not None and a07.text.startswith("設立定義明確且實際可行的個人目標")


def test_task_links_to_knowledge_and_skills(std: Standard) -> None:
    assert std.task("T1").knowledge == [f"K{i}" for i in range(1, 17)]
    assert std.task("T1").skills == ["S1", "S2", "S3", "S4", "S5", "S6", "S1b", "S7"]
    assert (std.task("T2").knowledge, std.task("T2").skills) == (["T2-K1"], ["S8"])
    assert (std.task("T3").knowledge, std.task("T3").skills) == (["K2"], ["S9"])  # E8


def test_every_linked_item_exists(std: Standard) -> None:
    for task in std.tasks:
        for ref in [*task.knowledge, *task.skills]:
            assert ref in std.index


def test_t2_4_outputs_repeat_t2_3_as_printed(std: Standard) -> None:
    t23, t24 = std.activities["T2.3"], std.activities["T2.4"]
    assert [o.text for o in t24.outputs] == [o.text for o in t23.outputs]


def test_t2_1_has_no_output(std: Standard) -> None:
    assert std.activities["T2.1"].outputs == []


def test_every_erratum_is_documented() -> None:
    from pathlib import Path

    errata = (Path(__file__).resolve().parent.parent / "ERRATA.md").read_text(encoding="utf-8")
    used = {item.erratum for item in load_standard().items() if item.erratum}
    for code in used:
        assert f"| {code} |" in errata, code
