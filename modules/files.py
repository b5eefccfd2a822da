"""Files as values: renderers return `OutFile`s; one pure function packs them into a reproducible zip."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

# 1980-01-01 is the earliest time a zip entry can hold; a fixed stamp makes the bytes reproducible.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
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
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for f in _in_order(files):
            info = zipfile.ZipInfo(f.path, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
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
