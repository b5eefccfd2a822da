"""The SCO's overview page, as the export renders it for each built-in module: the work task, its activities,
the work outputs and the K, S and A items with their printed codes (told apart where the standard repeats one),
the estimated time and the counts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from lxml import html as lxml_html
from node_support import needs_node, run_node_json
from zhineng.modules.course import Course
from zhineng.modules.overview import module_overview
from zhineng.scorm_export.payload import sco_payload

MODULES = ["T1", "T2", "T3"]


def page(course: Course, module_id: str) -> Any:
    payload = sco_payload(course, course.module(module_id), "scorm2004")
    return lxml_html.fragment_fromstring(payload["module"]["overview_html"])


def shown(root: Any, kind: str) -> dict[str, str]:
    """data-id -> the code as shown, for one list of the page."""
    return {li.get("data-id"): li.findtext("span") for li in root.xpath(f"//ul[@data-kind='{kind}']/li")}


@pytest.mark.parametrize("module_id", MODULES)
def test_overview_lists_what_the_module_teaches_and_asks(builtin_course: Course, module_id: str) -> None:
    std = builtin_course.standard
    module = builtin_course.module(module_id)
    root = page(builtin_course, module_id)
    criteria = [c for t in module.tasks for c in t.rubric]
    expected = {
        "activity": [a.id for a in std.task(module.task).activities],
        "output": {o for t in module.tasks for o in t.outputs},
        "knowledge": {k for x in [*module.lessons, *module.questions, *criteria] for k in x.knowledge},
        "skill": {s for x in [*module.lessons, *module.questions, *criteria] for s in x.skills},
        "attitude": {r.attitude for r in module.reflections} | {a for c in criteria for a in c.attitudes},
    }
    for kind, ids in expected.items():
        listed = shown(root, kind)
        assert (list(listed) if kind == "activity" else set(listed)) == ids, kind
        # In the standard's reading order, each with its printed code told apart from any other of its kind.
        order = [i.id for i in std.items()]
        assert list(listed) == sorted(listed, key=order.index), kind
        assert listed == {i: std.distinct_label(i) for i in listed}, kind
        for li in root.xpath(f"//ul[@data-kind='{kind}']/li"):
            assert (
                li.text_content()
                == f"{std.distinct_label(li.get('data-id'))} {std.index[li.get('data-id')].text}"
            )


@pytest.mark.parametrize("module_id", MODULES)
def test_overview_facts_are_the_module_counts_and_its_estimated_time(
    builtin_course: Course, module_id: str
) -> None:
    module = builtin_course.module(module_id)
    root = page(builtin_course, module_id)
    facts = {div.get("data-fact"): div.find("dd") for div in root.xpath("//dl[@class='overview-facts']/div")}
    counts = {k: int(dd.get("data-n")) for k, dd in facts.items() if k != "minutes"}
    assert counts == {
        "lessons": len(module.lessons),
        "questions": len(module.questions),
        "reflections": len(module.reflections),
        "tasks": len(module.tasks),
    }
    time = facts["minutes"]
    minutes = 60 * int(time.get("data-h", 0)) + int(time.get("data-m", 0))
    assert minutes == module.estimated_minutes >= module.stated_minutes
    assert module_overview(builtin_course, module).minutes == module.estimated_minutes


def test_shared_printed_codes_are_told_apart_on_the_overview(builtin_course: Course) -> None:
    t1, t2 = page(builtin_course, "T1"), page(builtin_course, "T2")
    assert shown(t1, "activity")["T1.5a"] == "T1.5（選擇網路行銷工具與平台）"
    assert shown(t1, "activity")["T1.5b"] == "T1.5（執行網路行銷活動）"
    assert (shown(t1, "attitude")["A01"], shown(t1, "attitude")["A05"]) == (
        "A01（謹慎細心）",
        "A01（冒險挑戰）",
    )
    k = shown(t2, "knowledge")
    assert k["T2-K1"].startswith("K1（損益表") and k["K2"] == "K2"
    assert shown(t1, "skill")["S1b"] != shown(t1, "skill")["S1"]


def test_the_overview_does_not_repeat_the_module_title(builtin_course: Course) -> None:
    for module in builtin_course.modules:
        root = page(builtin_course, module.id)
        # The page's H1 is the title (runtime/player.js): no line of the page says it again.
        assert [el for el in root.iter() if el.text_content().strip() == module.title] == []
        assert module.title not in root.xpath("string(//p[@class='overview-task'])")


@needs_node
def test_every_word_the_overview_leaves_to_the_runtime_exists_in_both_languages(
    builtin_course: Course,
) -> None:
    keys = sorted({k for m in MODULES for k in page(builtin_course, m).xpath("//@data-t")})
    assert {"fact.minutes", "count.questions", "overview.activities", "overview.outputs"} <= set(keys)
    texts = run_node_json("translate.js", {"keys": keys, "values": {"n": 7, "h": 29, "m": 45}})
    assert set(texts) == {"zh-TW", "en"}
    for locale, table in texts.items():
        assert [k for k, v in table.items() if v == k or "{" in v] == [], locale
    assert texts["zh-TW"]["aboutHoursMinutes"] == "約 29 小時 45 分鐘"
    assert texts["zh-TW"]["count.questions"] == "7 題"


def test_an_hour_count_says_hours_and_minutes_as_needed(builtin_course: Course) -> None:
    from zhineng.scorm_export.overview_html import overview_html

    base = module_overview(builtin_course, builtin_course.module("T3"))
    for minutes, key in [(45, "aboutMinutes"), (120, "aboutHours"), (570, "aboutHoursMinutes")]:
        markup = overview_html(base.__class__(**{**base.__dict__, "minutes": minutes}))
        assert re.search(rf'<dd data-t="{key}"', markup), minutes
