"""A learner's K evidence is reduced in one pass when there is nothing to merge (each piece a whole module, one per
K item and module); that pass gives what the full merge (latest per part, sums per module and source, latest
source per module) gives, and stands aside whenever there is something to merge."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from zhineng.modules.loader import load_course
from zhineng.reports.catalog import Catalog
from zhineng.reports.knowledge import _latest_per_module, _one_part_each
from zhineng.reports.records import KnowledgeEvidence, Origin

CATALOG = Catalog(load_course())
PAIRS = sorted(CATALOG.points)[:6]  # (module, K id)


@st.composite
def evidence(draw: st.DrawFn) -> list[KnowledgeEvidence]:
    out = []
    for _ in range(draw(st.integers(0, 8))):
        module, k = draw(st.sampled_from(PAIRS))
        part = draw(st.sampled_from([module, module, f"{module}-quiz-1"]))
        source = draw(st.sampled_from(["scorm", "xapi", "openedx"]))
        day = draw(st.none() | st.integers(1, 3))
        when = datetime(2026, 11, day, tzinfo=UTC) if day else None
        available = CATALOG.points[(module, k)] * draw(st.sampled_from([1.0, 0.5]))
        earned = available * draw(st.sampled_from([0.0, 0.5, 1.0]))
        origin = Origin(source, "f.json", when)  # type: ignore[arg-type]
        out.append(KnowledgeEvidence("l", k, module, part, earned, available, draw(st.booleans()), origin))
    return out


@settings(max_examples=300, deadline=None)
@given(evidence())
def test_one_pass_gives_what_the_full_merge_gives_or_stands_aside(ev: list[KnowledgeEvidence]) -> None:
    fast = _one_part_each(ev, CATALOG.points)
    pairs = [(e.knowledge, e.module) for e in ev]
    nothing_to_merge = all(e.part == e.module for e in ev) and len(set(pairs)) == len(pairs)
    assert (fast is not None) == nothing_to_merge
    if fast is not None:
        full = _latest_per_module(ev, CATALOG.points)
        assert fast == full
        assert [list(m) for m in fast.values()] == [list(m) for m in full.values()]  # in the same order
        assert list(fast) == list(full)
