"""A file written from pieces made while it is written: the same file as its bytes, and nothing left behind when
making a piece fails (the other files of the command are not put in place either)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from zhineng.files import write_together


def test_pieces_make_the_file(tmp_path: Path) -> None:
    write_together([(tmp_path / "a.txt", b"whole"), (tmp_path / "b.txt", iter([b"in ", b"pieces"]))])
    assert (tmp_path / "a.txt").read_bytes() == b"whole"
    assert (tmp_path / "b.txt").read_bytes() == b"in pieces"


def test_a_failing_piece_leaves_nothing(tmp_path: Path) -> None:
    def pieces() -> Iterator[bytes]:
        yield b"half a report"
        raise RuntimeError("the renderer broke")

    out = tmp_path / "out"
    with pytest.raises(RuntimeError):
        write_together([(out / "report.html", b"<html>"), (out / "report.json", pieces())])
    assert not out.exists()
