"""Bad arguments end in a message and the documented exit code, never a traceback: argparse usage errors exit 2,
errors found while running exit 1 (`zhineng: ...`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "course_small"


@pytest.mark.parametrize("port", ["70000", "-1", "65536", "9" * 5000, "1e3", "0x10", "８０"])
def test_preview_port_out_of_range_is_a_usage_error(cli, port: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_:
        cli("preview", f"--port={port}")
    assert exit_.value.code == 2


def test_preview_port_message(capsys: pytest.CaptureFixture[str], cli) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        cli("preview", "--port", "70000")
    assert (
        "argument --port: expected a port: a whole number from 0 to 65,535, not '70000'"
        in capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://[::1", "zhineng: --lrs 'http://[::1': expected an http:// or https:// URL\n"),
        ("file:///etc/passwd", "zhineng: --lrs 'file:///etc/passwd': expected an http:// or https:// URL\n"),
        ("ftp://lrs.example", "zhineng: --lrs 'ftp://lrs.example': expected an http:// or https:// URL\n"),
        (
            "http://exa mple/",
            "zhineng: 'http://exa mple/statements': not a usable URL (URL can't contain control characters. "
            "'exa mple' (found at least ' '))\n",
        ),
    ],
)
def test_a_bad_lrs_url_is_named(cli, tmp_path: Path, url: str, message: str) -> None:  # type: ignore[no-untyped-def]
    run = cli(
        "report", "--lrs", url, "--course", str(ROOT / "tests/fixtures/report/course"), "--out", str(tmp_path)
    )
    assert (run.code, run.err) == (1, message)
    assert list(tmp_path.iterdir()) == []


def test_lrs_credentials_that_are_not_utf8_are_sent_as_typed(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    auth = os.fsdecode(b"user:p\xe4ss")  # Latin-1 bytes, as a non-UTF-8 terminal passes them
    run = cli(
        "report",
        "--lrs",
        "http://127.0.0.1:1/xapi",
        "--lrs-auth",
        auth,
        "--course",
        str(ROOT / "tests/fixtures/report/course"),
    )
    assert run.code == 1 and run.err.startswith(
        "zhineng: http://127.0.0.1:1/xapi/statements: cannot reach the LRS"
    )


@pytest.mark.parametrize("command", [("schema",), ("standard",), ("export", "olx", "--course", str(SMALL))])
def test_out_where_a_folder_or_file_cannot_be(cli, tmp_path: Path, command: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    for out in (tmp_path / "file.txt" / "x.tar.gz", tmp_path):  # under a file; a folder where a file goes
        if command[0] == "export" and out == tmp_path:
            continue  # a folder is what export takes
        run = cli(*command, "--out", str(out))
        assert run.code == 1 and run.err.startswith("zhineng: ") and "nothing was written" in run.err, run.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


def test_a_file_name_that_is_not_utf8_prints_as_its_bytes(tmp_path: Path) -> None:
    # The path goes to stderr after the archives are written: a strict stream once failed there, exit 1 with a
    # traceback although the files were in place.
    out = os.fsdecode(bytes(tmp_path) + b"/\xff-dist")
    done = subprocess.run(
        [sys.executable, "-m", "zhineng", "export", "olx", "--course", str(SMALL), "--out", out],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b"\nwrote " + bytes(tmp_path) + b"/\xff-dist/zhineng-" in done.stderr
