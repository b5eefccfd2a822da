"""Files as values: renderers return `OutFile`s; one pure function packs them into a reproducible zip."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

# 1980-01-01 is the earliest time a zip entry can hold; a fixed stamp makes the bytes reproducible.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class OutFile:
    path: str  # relative, forward slashes
    data: bytes

    def __post_init__(self) -> None:
        parts = self.path.split("/")
        if self.path.startswith("/") or "\\" in self.path or ".." in parts or "" in parts:
            raise ValueError(f"not a clean relative path: {self.path!r}")


def zip_bytes(files: Iterable[OutFile]) -> bytes:
    """Sorted entries, fixed timestamps and permissions, deflate: the same files give the same bytes."""
    ordered = sorted(files, key=lambda f: f.path)
    seen: set[str] = set()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for f in ordered:
            if f.path in seen:
                raise ValueError(f"two files at {f.path}")
            seen.add(f.path)
            info = zipfile.ZipInfo(f.path, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3  # unix, so the permissions above are read as such
            archive.writestr(info, f.data)
    return buffer.getvalue()
