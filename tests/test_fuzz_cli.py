"""Fuzzing the command line: every command with generated options and values (out-of-range and huge numbers,
empty and odd text, paths that are missing, folders, files where folders go, names that are not UTF-8).

For every argv, through the real `zhineng` in a limited child process (tests/fuzz_support.py): no traceback, and
the documented exit code (zhineng/exit_codes.py): 2 only for an argparse usage error (with its usage line), else 0
or 1 (`report` also 3 when something was skipped), with a message whenever it is not 0. Outputs go to a fresh folder per example; LRS URLs
point only at closed or malformed local addresses, so nothing reaches the network.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from fuzz_support import LimitedZhineng, assert_clean, fuzz_settings, limited_zhineng  # noqa: F401 (the `zhineng` fixture)
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SMALL = str(ROOT / "tests" / "fixtures" / "course_small")
REPORT_INPUT = str(ROOT / "tests" / "fixtures" / "report" / "xapi")
REPORT_COURSE = str(ROOT / "tests" / "fixtures" / "report" / "course")
NOT_UTF8 = os.fsdecode(b"\xff\xfe.yaml")


odd_text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"), max_size=20),
    st.sampled_from(
        ["", " ", "-", "--", "-1", "0", "1", "65535", "65536", "1e309", "nan", "0x10", "٣", "８０"]
    ),
    st.integers(min_value=10**15, max_value=10**30).map(str),
    st.just("9" * 5000),
    st.just(NOT_UTF8),
)
# Paths to read: fixtures (never written to), names in the example's folder, odd ones.
in_path = st.sampled_from([SMALL, "missing", "file.txt", "folder", "folder/", ".", "", NOT_UTF8, "/dev/null"])
# Paths to write: inside the example's folder only (a relative name; a file where a folder is needed; ...).
out_path = st.sampled_from(
    ["out", "out/deeper/x", "file.txt", "file.txt/x", "folder", ".", NOT_UTF8, "x.tar.gz", "x.zip"]
)
lrs_url = st.sampled_from(
    [
        "http://127.0.0.1:1/xapi",
        "http://[::1",
        "http://exa mple/",
        "file:///etc/passwd",
        "ftp://x",
        "",
        "http://127.0.0.1:99999/",
    ]
)


def _opt(name: str, value: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.one_of(st.just([]), value.map(lambda v: [name, v]))


def _command(head: list[str], *options: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return st.tuples(*options).map(lambda parts: head + [a for part in parts for a in part])


def _choice(known: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(known) | odd_text


course = st.one_of(st.just(["--course", SMALL]), in_path.map(lambda p: ["--course", p]))
argvs = st.one_of(
    _command(["validate"], in_path.map(lambda p: [p])),
    _command(
        ["coverage"],
        in_path.map(lambda p: [p]),
        _opt("--format", _choice(["table", "csv", "json"])),
        st.sampled_from([[], ["--check"]]),
    ),
    _command(["schema"], _opt("--out", out_path)),
    _command(
        ["standard"],
        _opt("--format", _choice(["yaml", "json", "case"])),
        _opt("--base-uri", odd_text),
        _opt("--out", out_path),
    ),
    _command(
        ["new-module"],
        _choice(["T1", "T2", "T3"]).map(lambda t: [t]),
        _opt("--id", odd_text),
        _opt("--out", out_path),
    ),
    _command(
        ["export"],
        _choice(["scorm12", "scorm2004", "olx", "cmi5"]).map(lambda f: [f]) | st.just(["--all"]),
        _opt("--modules", _choice(["T1", "T3", "T1,T3", ",,"])),
        _opt("--layout", _choice(["course", "per-module"])),
        _opt("--profile", _choice(["strict", "moodle", "openedx", "minimal"])),
        course,
        _opt("--out", out_path),
    ),
    _command(
        ["preview"],
        st.sampled_from([[], ["--scorm12"], ["--scorm2004"]]),
        _opt("--port", st.just("0") | odd_text),
        _opt("--module", _choice(["T1", "T3"])),
        course,
    ),
    _command(
        ["report"],
        st.sampled_from([[REPORT_INPUT], [], ["missing"], ["file.txt"], ["folder"], [NOT_UTF8]]),
        _opt("--format", _choice(["scorm", "openedx", "xapi"])),
        _opt("--lrs", lrs_url),
        _opt("--lrs-auth", odd_text),
        st.just(["--course", REPORT_COURSE]) | _opt("--course", in_path),
        _opt("--out", out_path),
        _opt("--jobs", st.just("1") | odd_text),
        _opt("--max-json-mb", odd_text),
    ),
)


def _example_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="zhineng-fuzz-cli-"))
    (folder / "file.txt").write_text("not a module\n", encoding="utf-8")
    (folder / "folder").mkdir()
    (folder / NOT_UTF8).write_text("id: [\n", encoding="utf-8")  # a module file named in bytes, broken
    return folder


@fuzz_settings(in_suite=60)
@given(argv=argvs)
def test_every_command_answers_any_arguments_with_a_message(zhineng: LimitedZhineng, argv: list[str]) -> None:
    if argv == ["validate"]:
        argv = [*argv, SMALL]  # the built-in course is slow to load again and again; it is tested elsewhere
    folder = _example_folder()
    try:
        outcome = zhineng.run(argv, folder)
        codes = {0, 1, 2, 3} if argv[0] == "report" else {0, 1, 2}
        assert_clean(outcome, argv, codes)
        if outcome.code == 2:
            assert "usage: zhineng" in outcome.err, outcome.err  # argparse's usage error, and nothing else
        if outcome.code == 3:
            assert "record(s) skipped" in outcome.err, outcome.err
        if (
            outcome.code == 1
        ):  # `zhineng: why`, validate's `file:line: what` lines, or coverage --check's gaps
            assert outcome.err.startswith(("zhineng: ", "coverage: ")) or "error(s)" in outcome.err, (
                outcome.err
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
