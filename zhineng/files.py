"""Writing output, the only place that does: all the files of one command together, or none of them.

Each file is first written in full (flushed and synced, so a full disk fails here) to a temporary file beside its
destination; only when every one is written are they renamed into place, a rename within one folder being atomic.
On any failure every temporary file and every folder made for them is removed, and no destination is touched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .modules.errors import ZhinengError


class WriteFailed(ZhinengError):
    """A file could not be written; nothing of the command's output was put in place."""


def write_atomic(path: Path, data: bytes) -> None:
    write_together([(path, data)])


def write_together(outputs: Sequence[tuple[Path, bytes]]) -> None:
    made: list[Path] = []  # folders created here, removed again on failure
    temps: list[tuple[str, Path]] = []
    placed = 0
    try:
        for path, data in outputs:
            made += _make_folder(path.parent)
            temps.append((_write_temp(path, data), path))
        for tmp, path in temps:
            os.replace(tmp, path)
            placed += 1
    except OSError as exc:
        _undo(temps[placed:], made if not placed else [])
        # A rename within a folder does not fail once the data is written, short of the folder vanishing.
        outcome = "nothing was written" if not placed else f"only {placed} of {len(temps)} files were written"
        raise WriteFailed(f"{path}: cannot write: {exc.strerror or exc}; {outcome}") from exc
    except BaseException:  # Ctrl-C halfway: still nothing left behind
        _undo(temps[placed:], made if not placed else [])
        raise


def _make_folder(folder: Path) -> list[Path]:
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    return missing  # innermost first: the order to remove them in


def _write_temp(path: Path, data: bytes) -> str:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _undo(temps: list[tuple[str, Path]], made: list[Path]) -> None:
    for tmp, _path in temps:
        Path(tmp).unlink(missing_ok=True)
    for folder in made:
        with contextlib.suppress(OSError):  # not empty after all (something else wrote there): leave it
            folder.rmdir()
