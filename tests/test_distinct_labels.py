"""Printed codes the standard repeats (ERRATA.md E1, E5, E7) never show as identical labels."""

from __future__ import annotations

import re
import tarfile
from collections import Counter
from pathlib import Path

from zhineng.modules.course import Course


def test_a_shared_code_carries_what_tells_it_apart(builtin_course: Course) -> None:
    std = builtin_course.standard
    assert std.distinct_label("T1.5a") == "T1.5（選擇網路行銷工具與平台）"
    assert std.distinct_label("T1.5b") == "T1.5（執行網路行銷活動）"
    assert (std.distinct_label("A01"), std.distinct_label("A05")) == ("A01（謹慎細心）", "A01（冒險挑戰）")
    assert std.distinct_label("K1") != std.distinct_label("T2-K1")
    assert std.distinct_label("K1").startswith("K1（") and std.distinct_label("T2-K1").startswith("K1（")
    assert (std.distinct_label("K2"), std.distinct_label("T1.1")) == ("K2", "T1.1")  # unique codes stay bare
    for kind in ("task", "activity", "knowledge", "skill", "attitude", "output", "indicator"):
        shown = Counter(std.distinct_label(i) for i in std.ids_of(kind))  # type: ignore[arg-type]
        assert [s for s, n in shown.items() if n > 1] == [], kind


def test_olx_quiz_titles_are_distinct(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("export", "olx", "--out", str(tmp_path)).code == 0
    [archive] = tmp_path.glob("*.tar.gz")
    with tarfile.open(archive) as t:
        xml = "".join(
            t.extractfile(m).read().decode()  # type: ignore[union-attr]
            for m in t.getmembers()
            if m.isfile() and "/vertical/" in m.name
        )
    titles = re.findall(r'<zhineng_quiz[^>]* display_name="([^"]*)"', xml)
    assert "T1.5（選擇網路行銷工具與平台） 測驗" in titles and "T1.5（執行網路行銷活動） 測驗" in titles
    assert [t for t, n in Counter(titles).items() if n > 1] == []
