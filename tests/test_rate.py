"""`zhineng rate`: the rating sheet round trip (written, filled in as an instructor would with openpyxl, read
back by `zhineng report`), and the PDF forms (pages and text, read with poppler's pdftotext)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_support import COURSE, REPORT, ROOT, run_cli
from zhineng.modules.course_files import display_path

from zhineng.cli import main

TASKS = REPORT / "tasks"


def rate(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["rate", *argv, "--course", str(COURSE)])
    return code, capsys.readouterr().err


def test_sheet_round_trip_counts_good_rows_and_names_bad_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "rating"
    code, err = rate(capsys, "--learner", "gina", "--sheet", "--out", str(out))
    assert code == 0, err
    assert not (out / "forms").exists()  # --sheet: the sheet alone
    book = load_workbook(out / "ratings.xlsx")
    assert book.sheetnames == ["ratings", "instructions", "learners"]
    sheet = book["ratings"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == [
        "learner",
        "task",
        "criterion",
        "indicators",
        "level",
        "points",
        "rater",
        "rated_at",
        "comment",
    ]
    # gina has no submission: a face-to-face row per criterion, the P codes told apart (P3.1.4 prints P3.1.3).
    assert [r[:4] for r in rows[1:]] == [
        ["gina", "M3-page", "accuracy", "P3.1.3（確保資訊準確度與真實性）"],
        ["gina", "M3-page", "update", "P3.1.3（依照安全程序更新網路）、S9"],
    ]
    assert rows[1][5] == '=IF(E2="","",CHOOSE(E2,0,2,3,4))'  # points derived from the level
    assert sheet.protection.sheet and sheet["F2"].protection.locked and not sheet["E2"].protection.locked
    levels = {str(dv.sqref): dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert levels == {"E2": '"1,2,3,4"', "E3": '"1,2,3"'}
    assert [c.value for c in book["learners"]["A"]] == ["learner", "gina"]

    # The instructor fills it in: one good row, one level out of range, and a row for someone not on the sheet.
    sheet["E2"], sheet["G2"], sheet["H2"], sheet["I2"] = 3, "王老師", "2026-12-03", "當面評分"
    sheet["E3"] = 5
    sheet.append(["hank", "M3-page", "accuracy", "", 2, None, "王老師", "2026-12-03", None])
    book.save(out / "ratings.xlsx")

    report = tmp_path / "report"
    run = run_cli(capsys, str(out / "ratings.xlsx"), "--course", str(COURSE), "--out", str(report))
    assert run.code == 3, run.err
    assert (
        f"{display_path(out / 'ratings.xlsx')}: ratings!E3: level: task M3-page criterion update: level must be 1–3, not 5"
        in run.err
    )
    assert (
        f"{display_path(out / 'ratings.xlsx')}: ratings!A4: learner: unknown learner 'hank' (not on sheet 'learners')"
        in run.err
    )
    data = json.loads((report / "report.json").read_text(encoding="utf-8"))
    (gina,) = data["learners"]
    assert gina["performance"]["M3-page"]["state"] == "rated"
    assert gina["performance"]["M3-page"]["levels"] == {"accuracy": 3}
    assert gina["performance"]["M3-page"]["passed"] is False  # update not rated: not every criterion
    assert gina["rubric"]["P3.1.3"]["levels"] == {"M3-page/accuracy": 3}
    assert gina["outputs"]["O3.1.1"] == "not_mastered"

    # Written again from the filled sheet, the instructor's rating is filled back in.
    again = tmp_path / "again"
    code, err = rate(capsys, str(out / "ratings.xlsx"), "--learner", "gina", "--sheet", "--out", str(again))
    assert code == 3, err  # the two bad rows are still skipped, and said
    refilled = load_workbook(again / "ratings.xlsx")["ratings"]
    assert [refilled["E2"].value, refilled["G2"].value, refilled["I2"].value] == [3, "王老師", "當面評分"]
    assert refilled["E3"].value is None


def test_the_sheet_is_the_same_bytes_every_time(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for name in ("a", "b"):
        code, err = rate(capsys, str(TASKS), "--sheet", "--out", str(tmp_path / name))
        assert code == 3, err
        time.sleep(1.1)  # a second apart: a time of writing anywhere in the file would differ
    assert (tmp_path / "a/ratings.xlsx").read_bytes() == (tmp_path / "b/ratings.xlsx").read_bytes()


def _pdf_text(path: Path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return pages, text.stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make install) reads the PDF")
def test_pdf_forms_show_the_deliverable_rubric_and_boxes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    code, err = rate(capsys, str(TASKS.relative_to(ROOT)), "--learner", "bob", "--out", str(tmp_path))
    assert code == 3, err
    forms = sorted(p.name for p in (tmp_path / "forms").iterdir())
    learners = ["alice", "bob", "carol", "dave", "erin", "frank"]
    assert forms == sorted(f"{n}-M3-page.{ext}" for n in learners for ext in ("html", "pdf"))

    # frank submitted in SCORM 2004: his 4,500-character copy (two interactions) spills onto a second page.
    frank_pages, text = _pdf_text(tmp_path / "forms/frank-M3-page.pdf")
    flat = "".join(text.split())
    assert "實作評量表：更新商品頁" in flat and "O3.1.1新商品上架與網頁更新" in flat
    body = re.sub(r"\d+/\d+", "", flat)  # without the page numbers ("1 / 4") a page break puts in the text
    assert body.count("商品頁文案第二版。") == 500  # the whole text, both parts, nothing cut
    for code in ("P3.1.3（確保資訊準確度與真實性）", "P3.1.3（依照安全程序更新網路）", "S9"):
        assert code in text.splitlines(), code  # each code whole, on its own line
    assert "講師評定" in flat and "評分者簽名" in flat

    # alice's table and checklist as she submitted them; her self-rating beside each criterion.
    _pages, text = _pdf_text(tmp_path / "forms/alice-M3-page.pdf")
    flat = "".join(text.split())
    assert "禮盒28801,760" in flat and "合計" in flat and "1,800" in flat  # computed column and total
    assert "☑品名與內容物和實品一致" in flat and "☑已標示原產地" in flat

    # bob has nothing: a face-to-face form with ruled space, shorter than frank's.
    pages, text = _pdf_text(tmp_path / "forms/bob-M3-page.pdf")
    assert 1 <= pages < frank_pages
    assert "未繳交：現場評量" in "".join(text.split()) and "（現場評量記錄）" in text


def test_rate_needs_something_to_rate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, err = rate(capsys, "--out", str(tmp_path))
    assert code == 1 and "nothing to rate" in err


def test_face_to_face_forms_for_the_built_in_tasks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from zhineng.modules.loader import load_course

    tasks = [t for _m, t in load_course().tasks()]
    code = main(["rate", "--learner", "s01", "--no-pdf", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 0, err
    forms = sorted((tmp_path / "forms").iterdir())
    assert [p.name for p in forms] == sorted(f"s01-{t.id}.html" for t in tasks)
    for task in tasks:
        html = (tmp_path / "forms" / f"s01-{task.id}.html").read_text(encoding="utf-8")
        assert task.title in html and "（現場評量記錄）" in html
        assert all(c.title in html for c in task.rubric)
    rows = list(load_workbook(tmp_path / "ratings.xlsx")["ratings"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == sum(len(t.rubric) for t in tasks)
    code, err = rate(capsys, "--learner", "x", "--task", "NOPE", "--out", str(tmp_path))
    assert code == 1 and "unknown task 'NOPE'" in err
