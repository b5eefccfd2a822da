"""The class view of `zhineng report` (report.json and report.html), the page's languages, question text in the
difficulty table, and the per-learner tables in groups for large classes."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from report_support import COURSE, INPUTS, ROOT, large_class, run_cli
from zhineng.modules.loader import load_course
from zhineng.reports.render_csv import report_csv
from zhineng.reports.render_html import GROUP, report_html
from zhineng.reports.run import run_report


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    got, _skipped = run_report(INPUTS, course=load_course([COURSE]))
    return got


def test_class_view_counts_what_the_learner_rows_say(report) -> None:  # type: ignore[no-untyped-def]
    # By hand from the fixture (see test_report_golden.py): K1 mastered by alice, bob, dave; carol, erin and
    # frank never tried it. K2: alice 2/2, bob 1/2, dave 1/2, carol 0/2, erin 0/1, frank nothing.
    view = {(i.kind, i.id): i for i in report.class_view}
    k1, k2 = view[("knowledge", "K1")], view[("knowledge", "K2")]
    assert (k1.reached, k1.on_the_way, k1.not_attempted, k1.share) == (3, 0, 3, 0.5)
    assert k1.distribution == (0, 0, 0, 0, 3)
    assert (k2.reached, k2.on_the_way, k2.not_attempted) == (1, 4, 1)
    assert k2.distribution == (2, 0, 2, 0, 1)  # carol, erin at 0 %; bob, dave at 50 %; alice at 100 %
    t1 = view[("task", "T1")]
    assert (t1.reached, t1.not_attempted) == (2, 4)  # alice and bob completed T1.1 and T1.2
    assert (view[("activity", "T3.1")].reached, view[("activity", "T3.1")].on_the_way) == (2, 1)
    a01 = view[("attitude", "A01")]
    assert (a01.reached, a01.not_attempted, a01.reflections, a01.distribution) == (3, 3, 4, (0, 1, 1, 1, 1))
    # Task M3-page: alice rated and passed (O3.1.1 mastered), carol rated and not passed, dave and frank
    # submitted, erin self-rated only, bob nothing. P3.1.3 (criterion accuracy): alice 4, carol 1.
    o = view[("output", "O3.1.1")]
    assert (o.reached, o.on_the_way, o.not_attempted) == (1, 4, 1)
    p = view[("indicator", "P3.1.3")]
    assert (p.reached, p.on_the_way, p.not_attempted, p.distribution) == (2, 3, 1, (1, 0, 0, 1))
    s9 = view[("skill", "S9")]  # named by criterion update: alice 3, carol 2
    assert (s9.reached, s9.distribution) == (2, (0, 1, 1, 0))
    kinds = ["knowledge"] * 3 + ["activity"] * 3 + ["task"] * 2 + ["output"] + ["indicator"] * 2 + ["skill"]
    assert [i.kind for i in report.class_view] == [*kinds, "attitude", "attitude"]


def _h2(html: str) -> list[str]:
    return re.findall(r'<h2 id="([a-z]+)">', html)


def test_page_order_class_view_first_heatmap_second_rules_last(report) -> None:  # type: ignore[no-untyped-def]
    html = report_html(report)
    order = _h2(html)
    assert order[:2] == ["class", "knowledge"] and order[-1] == "rule"
    class_part = html[html.index('id="class"') : html.index('id="knowledge"')]
    assert (
        class_part.count('<svg role="img"') == 3 * 2 + 3 + 2 + 1 + 3 * 2 + 2 * 2
    )  # share bar each, K, P, S and A distributions
    assert "<script" not in html and "http" not in html
    assert re.search(r"<header>.*</header>\n<nav [^>]*>.*</nav>\n<main>", html, re.S)


def test_the_page_speaks_zh_tw_by_default_and_en_on_request(
    report,  # type: ignore[no-untyped-def]
) -> None:
    zh, en = report_html(report), report_html(report, "en")
    assert '<html lang="zh-Hant-TW">' in zh and '<html lang="en">' in en
    assert (
        "班級總覽" in zh
        and "題目難度" in zh
        and "✓ 已精熟" in zh
        and "Class view" not in zh
        and "✓ mastered" not in zh
    )
    assert "Class view" in en and "Question difficulty" in en and "✓ Mastered" in en and "班級總覽" not in en
    assert "Latest attempt wins" in en and "以最近一次作答為準" in zh
    assert (
        " (self accuracy 4 update 3)" in en and "（自評 accuracy 4 update 3）" in zh
    )  # alice's self-rating, apart


def test_cli_lang_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run = run_cli(
        capsys, *(str(p) for p in INPUTS), "--course", str(COURSE), "--out", str(tmp_path), "--lang", "en"
    )
    assert run.code == 3
    assert '<html lang="en">' in (tmp_path / "report.html").read_text(encoding="utf-8")
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["class_view"][0]["id"] == "K1" and data["class_view"][0]["reached"] == 3
    assert ROOT.exists()


def test_difficulty_table_shows_the_question_text(report) -> None:  # type: ignore[no-untyped-def]
    html = report_html(report)
    course = load_course([COURSE])
    for _m, q in course.questions():
        assert f'<th scope="row" class="item">{q.id}</th><td class="text">' in html
        assert " ".join(q.prompt.split())[:20] in html


def test_many_learners_come_in_groups(report) -> None:  # type: ignore[no-untyped-def]
    base = report.learners[0]
    many = tuple(replace(base, learner=f"learner{n:04d}") for n in range(2 * GROUP + 37))
    html = report_html(replace(report, learners=many))
    assert (
        html.count("<details") == 5 * 3
    )  # heatmap, completion, performance tasks, O and P tables: 3 groups each
    assert html.count("<details open>") == 2  # the K and completion tables; performance groups start closed
    assert "學員 201–237：learner0200 … learner0236" in html
    assert html.count('<tr><th scope="row" class="learner">learner0236</th>') == 5
    small = report_html(report)
    assert "<details" not in small


def test_reflections_of_a_large_class_wait_in_closed_groups(report) -> None:  # type: ignore[no-untyped-def]
    html = report_html(large_class(report, 250))
    a01 = html[html.index('<section class="attitude" id="A01">') : html.index('id="A02"')]
    assert a01.count("<details><summary>反思內容") == 3 and "<details open" not in a01
    assert "反思內容 201–250" in a01 and a01.count('<li class="reflection">') == 250
    assert "反思者（250）：…" in a01  # the names are in the groups, not in one paragraph


def test_csv_class_rows_are_the_class_view(report) -> None:  # type: ignore[no-untyped-def]
    rows = [r for r in csv.reader(io.StringIO(report_csv(report))) if r[0] == "class"]
    assert [(r[2], r[4], r[5], r[6]) for r in rows] == [
        (i.id, i.kind, str(i.reached), str(len(report.learners))) for i in report.class_view
    ]
    assert rows[0][2:7] == ["K1", "K1（公司商品與競品的特性、…）", "knowledge", "3", "6"]


def test_codes_the_standard_prints_twice_are_told_apart(report) -> None:  # type: ignore[no-untyped-def]
    # K1 is also printed for T2's own K1 (T2-K1), A01 for a second attitude: the report says which one it means,
    # in every table that shows the code, by the one rule the SCO menu and the blocks use.
    standard = load_course([COURSE]).standard
    labels = {k.id: k.label for k in report.knowledge}
    labels.update({a.item.id: a.item.label for a in report.attitudes})
    assert labels["K1"] == standard.distinct_label("K1") != "K1"
    assert labels["A01"] == standard.distinct_label("A01") != "A01"
    assert labels["K2"] == "K2"  # a code printed once stays as printed
    html = report_html(report)
    assert f">{labels['K1']}</th>" in html
