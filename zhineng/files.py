"""Files, the one place that makes and writes them.

Renderers return files as values (`OutFile`); one pure function packs them into a reproducible archive (sorted
entries, fixed times and permissions: the same files give the same bytes). Writing happens here only: all the files
of one command together, or none of them. Each file is first written in full (flushed and synced, so a full disk
fails here) to a temporary file beside its destination; only when every one is written are they renamed into place,
a rename within one folder being atomic. On any failure every temporary file and every folder made for them is
removed, and no destination is touched.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import tarfile
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import zip_writer
from .errors import ZhinengError

# 1980-01-01 is the earliest time a zip entry can hold; a fixed stamp makes the bytes reproducible.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_ZIP_DOS_DATE = (ZIP_EPOCH[0] - 1980) << 9 | ZIP_EPOCH[1] << 5 | ZIP_EPOCH[2]
_ZIP_DOS_TIME = ZIP_EPOCH[3] << 11 | ZIP_EPOCH[4] << 5 | ZIP_EPOCH[5] // 2
_FILE_MODE = 0o100644  # a regular file, rw-r--r--
TAR_MTIME = 0  # 1970-01-01: nothing about the build machine or the clock reaches the archive


@dataclass(frozen=True)
class OutFile:
    path: str  # relative, forward slashes
    data: bytes

    def __post_init__(self) -> None:
        parts = self.path.split("/")
        if self.path.startswith("/") or "\\" in self.path or ".." in parts or "" in parts:
            raise ValueError(f"not a clean relative path: {self.path!r}")


def _in_order(files: Iterable[OutFile]) -> list[OutFile]:
    ordered = sorted(files, key=lambda f: f.path)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.path == after.path:
            raise ValueError(f"two files at {after.path}")
    return ordered


def zip_bytes(files: Iterable[OutFile]) -> bytes:
    """Sorted entries, fixed timestamps and permissions, deflate: the same files give the same bytes."""
    ordered = _in_order(files)
    entries = [(f.path, f.data) for f in ordered]
    if zip_writer.fits(entries):  # the same bytes, each distinct content deflated once (zip_writer.py)
        return zip_writer.zip_deflated(entries, _ZIP_DOS_DATE, _ZIP_DOS_TIME, _FILE_MODE)
    return zip_bytes_zipfile(ordered)


def zip_bytes_zipfile(files: Iterable[OutFile]) -> bytes:
    """zip_bytes by Python's zipfile, deflating every entry: for what zip_writer does not take, and its proof."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for f in _in_order(files):
            info = zipfile.ZipInfo(f.path, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = _FILE_MODE << 16
            info.create_system = 3  # unix, so the permissions above are read as such
            archive.writestr(info, f.data)
    return buffer.getvalue()


def tar_gz_bytes(files: Iterable[OutFile]) -> bytes:
    """Sorted entries, fixed mtime, owner and mode, and a gzip header without name or time."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for f in _in_order(files):
            info = tarfile.TarInfo(f.path)
            info.size = len(f.data)
            info.mtime = TAR_MTIME
            info.mode = 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            archive.addfile(info, io.BytesIO(f.data))
    packed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=packed, mtime=TAR_MTIME, compresslevel=9) as gz:
        gz.write(raw.getvalue())
    return packed.getvalue()


class WriteFailed(ZhinengError):
    """A file could not be written; nothing of the command's output was put in place."""


def write_atomic(path: Path, data: bytes) -> None:
    write_together([(path, data)])


class MadeElsewhere:
    """A file's content that another process writes to a temporary file of its own (reports/parallel.py)."""

    def place(self, path: Path) -> str:
        """Wait for it, put it beside path (written and synced) and return its temporary name; raise OSError as
        writing it here would."""
        raise NotImplementedError


# A file's content: its bytes; its pieces, made while it is written (a large report is never held whole); or a
# file made elsewhere (moved into place, never copied: it may be hundreds of megabytes).
Content = bytes | Iterable[bytes] | MadeElsewhere


def write_together(outputs: Sequence[tuple[Path, Content]]) -> None:
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


def _write_temp(path: Path, data: Content) -> str:
    if isinstance(data, MadeElsewhere):
        tmp = data.place(path)
        try:
            os.chmod(tmp, 0o644)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return tmp
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                for (
                    piece
                ) in data:  # a failure while the pieces are made removes the file, as a write failure does
                    handle.write(piece)
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
