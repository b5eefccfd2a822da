"""One command's output files are put in place together or not at all (zhineng/files.py).

The full disk is real, without root: the command runs in a child process whose RLIMIT_FSIZE lets the first,
smaller archive be written and makes the next, larger one fail with EFBIG (Python ignores SIGXFSZ, so the write
raises OSError as it would on ENOSPC).
"""

from __future__ import annotations

import errno
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from zhineng.files import WriteFailed, write_together

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "course_small"


def _export_all(out: Path, file_size_limit: int) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run(
        [sys.executable, "-m", "zhineng", "export", "--all", "--course", str(SMALL), "--out", str(out)],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=600,
        check=False,
    )


def test_export_all_on_a_full_disk_writes_no_archive(tmp_path: Path) -> None:
    ok = tmp_path / "ok"
    done = _export_all(ok, resource.RLIM_INFINITY)
    assert done.returncode == 0, done.stderr
    sizes = sorted(p.stat().st_size for p in ok.iterdir())
    assert len(sizes) >= 2
    # Room for the first archive written (SCORM 1.2) but not for the largest: a write fails midway.
    first = (ok / "zhineng-scorm12-course.zip").stat().st_size
    assert first < sizes[-1]

    out = tmp_path / "dist"
    out.mkdir()
    (out / "zhineng-scorm12-course.zip").write_bytes(b"last week's package")
    full = _export_all(out, first + 1)
    assert full.returncode == 1
    assert "Traceback" not in full.stderr
    assert "cannot write: File too large; nothing was written" in full.stderr
    # Nothing new, no temporary file left, and the earlier package untouched.
    assert [p.name for p in out.iterdir()] == ["zhineng-scorm12-course.zip"]
    assert (out / "zhineng-scorm12-course.zip").read_bytes() == b"last week's package"


def test_a_failed_write_removes_every_temporary_file_and_new_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []

    def fsync_failing_second(fd: int) -> None:  # the disk fills up while the second file is written
        synced.append(fd)
        if len(synced) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync_failing_second)
    out = tmp_path / "new" / "folder"
    with pytest.raises(
        WriteFailed, match=r"b\.zip: cannot write: No space left on device; nothing was written"
    ):
        write_together([(out / "a.zip", b"a"), (out / "b.zip", b"b"), (out / "c.zip", b"c")])
    assert len(synced) == 2
    assert list(tmp_path.iterdir()) == []
