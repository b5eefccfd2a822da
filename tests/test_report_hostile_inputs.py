"""zhineng report on hostile tracking files: any nesting depth, huge numbers, files and lines over the size limit.

Each bad file (or line) is named and skipped, everything else is reported, and the exit code is 3.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from report_support import COURSE, REPORT, run_cli
from zhineng.modules.course_files import display_path

GOOD = REPORT / "xapi" / "alice-M3.json"
DAVE = REPORT / "xapi" / "dave.ndjson"
DEEP = "JSON nested too deep (about 1,000 levels or more)"


def _report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *inputs: Path | str
) -> tuple[int, list[str], dict]:  # type: ignore[type-arg]
    run = run_cli(
        capsys, *map(str, inputs), str(GOOD), "--course", str(COURSE), "--out", str(tmp_path / "out")
    )
    assert "Traceback" not in run.err
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    return run.code, run.err.splitlines(), report


def _nested(depth: int, leaf: str = "1") -> str:
    return '{"a":' * depth + leaf + "}" * depth


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,  # beyond orjson's limit, and json's
        "[" * 100_000,  # unterminated as well
        '{"cmi": ' + _nested(1_010) + "}",  # within orjson's 1,024 levels, too deep to walk as CMI
        '{"cmi": ' + _nested(1_010, "NaN") + "}",  # what orjson refuses goes to json, which stops sooner
        '{"actor": {"account": {"name": ' + "[" * 1_020 + "]" * 1_020 + '}}, "verb": {}}',  # str() of it
    ],
    ids=["deep-array", "deep-unterminated", "deep-cmi", "deep-cmi-nan", "deep-learner"],
)
def test_a_file_nested_too_deep_is_named_and_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str
) -> None:
    (tmp_path / "deep.json").write_text(text, encoding="utf-8")
    code, err, report = _report(capsys, tmp_path, tmp_path / "deep.json")
    assert code == 3
    [line] = [line for line in err if "deep.json" in line]
    assert line.endswith(DEEP) and (": record 0: " in line or ": record 1: " in line)
    assert [r["learner"] for r in report["learners"]] == ["alice"]


def test_a_line_nested_too_deep_skips_that_line_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = (REPORT / "openedx" / "tracking.log").read_text(encoding="utf-8").splitlines()
    lines.insert(1, "[" * 50_000 + "]" * 50_000)
    event = {"event_type": "zhineng.knowledge.assessed", "username": "x", "event": _nested(5_000)}
    lines.insert(2, json.dumps(event))  # the event as a JSON string, as the LMS may write it
    (tmp_path / "mixed.log").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, err, report = _report(capsys, tmp_path, tmp_path / "mixed.log")
    assert code == 3
    mine = [line.split("mixed.log: ")[1] for line in err if "mixed.log" in line]
    assert mine[:2] == [f"record 2: {DEEP}", f"record 3: zhineng.knowledge.assessed: event is {DEEP}"]
    assert sorted(r["learner"] for r in report["learners"]) == ["alice", "bob", "carol"]


def test_a_number_of_thousands_of_digits_is_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "big.json").write_text('{"cmi": {"learner_id": ' + "9" * 100_000 + "}}", encoding="utf-8")
    code, err, _report_ = _report(capsys, tmp_path, tmp_path / "big.json")
    assert code == 3
    assert any(
        line.endswith(
            "big.json: record 0: corrupt file: not JSON this reader takes (a number with over 4,300 digits)"
        )
        for line in err
    )


def test_a_document_over_the_limit_is_named_not_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A valid 2 MB document under --max-json-mb 1: named and skipped, never silently "0 learners".
    statements = json.loads(GOOD.read_text(encoding="utf-8"))["statements"]
    big = {"statements": statements * (2 * 1024 * 1024 // len(json.dumps(statements)) + 1)}
    (tmp_path / "big.json").write_text(json.dumps(big, indent=1), encoding="utf-8")

    def report(limit_mb: str):  # type: ignore[no-untyped-def]
        args = ("--course", str(COURSE), "--out", str(tmp_path / "out"), "--max-json-mb", limit_mb)
        return run_cli(capsys, str(tmp_path / "big.json"), *args)

    run = report("1")
    assert run.code == 3
    assert (
        f"{display_path(tmp_path / 'big.json')}: record 0: larger than 1 MB, the limit for one JSON document (--max-json-mb raises it)"
        in run.err
    )
    assert "0 learners" in run.err
    # Raised, the same file is read.
    run = report("3")
    assert run.code == 0, run.err
    assert "1 learners" in run.err


def test_json_lines_of_any_size_are_read_line_by_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = DAVE.read_text(encoding="utf-8").splitlines()
    padding = json.dumps({"event_type": "page_view", "event": {}, "pad": "x" * 1000})
    body = "\n".join([lines[0], *[padding] * 3_000, *lines[1:]]) + "\n"  # 3 MB of other events between
    long_line = '{"pad": "' + "y" * (1024 * 1024 + 10) + '"}'
    (tmp_path / "log.ndjson").write_text(body + long_line + "\n" + lines[0] + "\n", encoding="utf-8")
    assert (tmp_path / "log.ndjson").stat().st_size > 3 * 1024 * 1024
    run = run_cli(
        capsys,
        str(tmp_path / "log.ndjson"),
        "--course",
        str(COURSE),
        "--out",
        str(tmp_path / "out"),
        "--max-json-mb",
        "1",
    )
    mine = [line.split("log.ndjson: ")[1] for line in run.err.splitlines() if "log.ndjson" in line]
    n_long = len(lines) + 3_000 + 1
    assert (
        f"record {n_long}: larger than 1 MB, the limit for one JSON document (--max-json-mb raises it)"
        in mine
    )
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [r["learner"] for r in report["learners"]] == ["dave"]


@pytest.mark.parametrize("value", ["0", "-1", "1.5", "x", "9" * 5000, "²", "1048577"])
def test_max_json_mb_must_be_a_sensible_whole_number(capsys: pytest.CaptureFixture[str], value: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        run_cli(capsys, str(GOOD), "--max-json-mb", value)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert (
        "argument --max-json-mb: expected a size in megabytes: a whole number from 1 to 1,048,576, not" in err
    )


PAYLOADS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "=a\0b", "fine\0text"]


def test_csv_cells_are_never_formulas(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    statements = json.loads(GOOD.read_text(encoding="utf-8"))["statements"]
    reflection = statements[2]  # alice's reflection R3, with a text and a rating
    hostile = []
    for n, payload in enumerate(PAYLOADS):
        s = json.loads(json.dumps(reflection))
        s["actor"]["account"]["name"] = payload + str(n)  # the learner id
        s["object"]["id"] = "https://zhineng.example/au/M3/reflection/" + payload  # the reflection id
        s["result"]["response"] = payload  # the text
        hostile.append(s)
    (tmp_path / "in.json").write_text(json.dumps(hostile), encoding="utf-8")
    run = run_cli(capsys, str(tmp_path / "in.json"), "--course", str(COURSE), "--out", str(tmp_path / "out"))
    assert run.code == 0, run.err
    import csv

    with (tmp_path / "out" / "report.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    reflections = [r for r in rows if r["section"] == "reflection"]
    assert len(reflections) == len(PAYLOADS)
    cells = [r[c] for r in rows for c in ("learner", "item", "label", "status", "source", "text")]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) and "\0" not in c for c in cells)
    texts = [p.replace("\0", "").replace("\r", "\n") for p in PAYLOADS]
    assert sorted(r["text"] for r in reflections) == sorted(
        "'" + t if t[0] in "=+-@\t\n" else t for t in texts
    )
    assert '\'=HYPERLINK("http://x")0' in {r["learner"] for r in reflections}


@pytest.mark.parametrize("fast", [True, False], ids=["orjson", "without-orjson"])
def test_parse_bounds_depth_with_or_without_a_depth_bounding_orjson(
    monkeypatch: pytest.MonkeyPatch, fast: bool
) -> None:
    # An orjson older than 3.9.15 is not used at all (it would overflow the C stack): the same messages result.
    from zhineng.reports import json_input

    monkeypatch.setattr(json_input, "_FAST", fast)
    for deep in (b"[" * 1_000_000 + b"]" * 1_000_000, b'{"a":' * 100_000):
        with pytest.raises(
            json_input.NotJSON, match=r"^JSON nested too deep \(about 1,000 levels or more\)$"
        ):
            json_input.parse(deep)
    assert (
        json_input.parse(b'{"a": [NaN, 1e999, 123456789012345678901234567890]}')["a"][2]
        == 123456789012345678901234567890
    )
    with pytest.raises(json_input.NotJSON, match=r"^not UTF-8 text$"):
        json_input.parse(b'"\xff"')


def test_lone_surrogates_and_names_that_are_not_utf8_are_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # json.loads keeps "\udcff" as a lone surrogate, which no output can encode; a file name that is not UTF-8
    # reaches Python as one too. Both become U+FFFD.
    data = json.loads(GOOD.read_text(encoding="utf-8"))
    for s in data["statements"]:
        s["actor"]["account"]["name"] = "al\udcffice"
        s.setdefault("result", {})["response"] = "x\ud800y"
    (tmp_path / "lone.json").write_text(json.dumps(data), encoding="utf-8")
    bad_name = Path(os.fsdecode(bytes(tmp_path) + b"/\xff.json"))
    bad_name.write_text("{oops", encoding="utf-8")
    run = run_cli(
        capsys,
        str(tmp_path / "lone.json"),
        str(bad_name),
        "--course",
        str(COURSE),
        "--out",
        str(tmp_path / "out"),
    )
    assert run.code == 3, run.err
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [r["learner"] for r in report["learners"]] == ["al\ufffd\ufffd\ufffdice"]
    assert report["skipped"] == [
        f"{display_path(tmp_path)}/\ufffd\ufffd\ufffd.json: record 0: corrupt file: not JSON (Expecting property name enclosed in double quotes)"
    ]
