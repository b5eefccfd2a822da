"""The report in Debian's Chromium: the heatmap renders from the self-contained HTML (file://, offline), and
CMI committed by a SCO playing in scorm-again reports the K mastery the SCO itself computed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from launch import launch
from report_support import COURSE, INPUTS, large_class
from sco_checks import objectives
from sco_site import AXE
from zhineng.modules.loader import load_course
from zhineng.reports.build import build_report
from zhineng.reports.catalog import Catalog
from zhineng.reports.read_scorm import read_cmi
from zhineng.reports.render_html import GROUP, report_html
from zhineng.reports.run import run_report

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "course_small"
TEXT = "上線前我會逐項檢查 <b>每一頁</b> 的價格與連結，再請同事覆核。"


def test_heatmap_renders_offline(browser: Any, tmp_path: Path) -> None:
    report, _skipped = run_report(INPUTS, course=load_course([COURSE]))
    page_file = tmp_path / "report.html"
    page_file.write_text(report_html(report), encoding="utf-8")
    context = browser.new_context(offline=True)  # no network: everything must be inline
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    cells = page.locator("table.heatmap td.cell")
    assert cells.count() == 6 * 3  # learners x K items the course assesses
    classes = cells.evaluate_all("els => els.map(e => e.className)")
    counts = {
        s: sum(f"k-{s}" in c.split() for c in classes)
        for s in ("mastered", "not_mastered", "incomplete", "not_attempted")
    }
    # frank attempted none; K2 is assessed in two modules, and four learners have evidence from one only
    assert counts == {"mastered": 6, "not_mastered": 1, "incomplete": 4, "not_attempted": 7}
    alice_k1 = page.locator("table.heatmap tr", has_text="alice").locator("td[data-k=K1]")
    assert alice_k1.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(26, 127, 55)"
    assert page.locator("li.reflection blockquote", has_text="<script>").count() == 1  # shown as text
    assert requests == [page_file.as_uri()]
    page.locator("table.heatmap").screenshot(path=str(tmp_path / "heatmap.png"))
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert (tmp_path / "heatmap.png").stat().st_size > 1000
    context.close()


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
def test_cmi_committed_in_scorm_again_reports_per_k_mastery(
    version: str, right: bool, browser: Any, serve: Any, tmp_path: Path
) -> None:
    course = load_course([SMALL])
    learner = launch(browser, serve, tmp_path, course, "M3", version)
    learner.do_everything(right=right, reflection_text=TEXT)
    cmi = learner.quit()
    learner.page.close()
    records, skipped = read_cmi(cmi, f"learner-{version}.json", Catalog(course))
    assert skipped == []
    report = build_report(course, records)
    [row] = report.learners
    want = "mastered" if right else "not_mastered"
    assert {k: c.status for k, c in row.knowledge.items()} == {"K1": "not_attempted", "K7": want, "K15": want}
    assert row.activities == {"T1.1": "not_attempted", "T3.1": "completed", "T3.3": "completed"}
    [a07] = [a for a in report.attitudes if a.item.id == "A07"]
    [reflection] = a07.reflections
    assert (reflection.reflection, reflection.rating) == ("R3", 4)
    assert reflection.text == TEXT
    assert next(q for q in report.questions if q.id == "Q3").correct == (1 if right else 0)


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
@pytest.mark.parametrize("learners", [5, 600], ids=["small", "large"])
def test_axe_finds_no_violation_of_any_impact(lang: str, learners: int, browser: Any, tmp_path: Path) -> None:
    report, _skipped = run_report(INPUTS, course=load_course([COURSE]))
    if learners > len(report.learners):  # a large class: learners and reflections come in <details> groups
        report = large_class(report, learners)
    page_file = tmp_path / "report.html"
    page_file.write_text(report_html(report, lang), encoding="utf-8")
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(page_file.as_uri())
    if learners > GROUP:
        # 6 groups in each per-learner table (K, completion, performance tasks, O, P and S), 6 of reflections
        # per A item; once 96,000 px tall at 600 learners.
        assert page.locator("details").count() == 5 * 6 + len(report.attitudes) * 6
        assert page.evaluate("document.documentElement.scrollHeight") < 12_000
    else:
        assert page.locator("details").count() == 0
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    assert len(result["passes"]) > 10, "axe did not run its rules"
    found = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]
    assert found == []


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_an_activity_never_opened_reads_not_attempted_from_the_sco_to_the_report(
    version: str, browser: Any, serve: Any, tmp_path: Path
) -> None:
    """The SCO says which activities and A items were not begun (quizzes/status.py's rule, ported in status.js),
    so the report tells them from one opened and left unfinished."""
    course = load_course([SMALL])
    learner = launch(browser, serve, tmp_path, course, "M3", version)
    acts = learner.payload["objectives"]["activities"]
    asked = {q["activity"] for q in learner.payload["questions"]}
    opened = next(a for a in acts if a in asked)  # an activity with questions to answer
    learner.goto(opened)
    cmi = learner.quit()
    learner.page.close()
    field = "status" if version == "scorm12" else "completion_status"
    said = {k: o[field] for k, o in objectives(cmi).items()}
    assert said[opened] == "incomplete"  # seen, its questions not answered
    assert {said[a] for a in acts if a != opened} == {"not attempted"}
    assert {said[a] for a in learner.payload["objectives"]["attitudes"]} == {"not attempted"}
    records, skipped = read_cmi(cmi, f"learner-{version}.json", Catalog(course))
    assert skipped == []
    [row] = build_report(course, records).learners
    shown = [a for a in acts if a in row.activities]  # the report's columns: activities the course teaches
    assert opened in shown and len(shown) > 1
    assert {a: row.activities[a] for a in shown} == {
        a: "incomplete" if a == opened else "not_attempted" for a in shown
    }
