"""A zip archive written directly, each distinct file content deflated once per process.

`export --all` packs the same files into many zips (the runtime script in every SCORM and cmi5 package, each SCO's
data.js in the course zip and in its own): of 141 entries only 45 differ, and deflating them was half of a warm
export. Python's zipfile cannot take data already deflated, so this writes the few records a zip of deflated,
unencrypted files needs, byte for byte as zipfile writes them (tests/test_zip_writer.py holds it to zipfile's
output), and keeps each content's deflated form for the next archive.

zlib lets go of the interpreter lock while it deflates, so the distinct contents of an archive (or of archives
about to be made: `deflate_ahead`) are deflated on worker threads, one per CPU, while the caller goes on. The
bytes do not depend on the thread that deflated them.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache

from .cpus import usable_cpus

_LOCAL = struct.Struct("<4s2B4HL2L2H")  # local file header
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # central directory entry
_END = struct.Struct("<4s4H2LH")  # end of central directory
_VERSION = 20  # what deflate needs to be read (2.0)
_UNIX = 3  # made on unix: the external attributes hold unix permissions
_UTF8_NAME = 0x800
_DEFLATED = 8
_LIMIT = 1 << 30  # well below where zipfile would write zip64 records (2 GiB); no package comes near it
_MAX_ENTRIES = 0xFFFF

# content -> (CRC-32, deflated bytes); cleared when it holds more than _CACHE_BYTES of content, so a long-lived
# process never keeps more than that (a 50x course's export --all stays under it).
_CACHE_BYTES = 512 << 20
Deflated = tuple[int, bytes]  # CRC-32, raw deflate stream
_cache: dict[bytes, Deflated | Future[Deflated]] = {}
_cached_bytes = 0
# Below this a content deflates faster than a thread hands it over.
_AHEAD_MIN = 4096


def fits(entries: Sequence[tuple[str, bytes]]) -> bool:
    """Whether this writer can take the entries (no zip64 needed); zipfile writes the rest."""
    return (
        len(entries) < _MAX_ENTRIES
        and sum(len(d) for _, d in entries) < _LIMIT
        and not any("\0" in name for name, _ in entries)  # zipfile cuts a name at NUL
    )


def _deflate(data: bytes) -> Deflated:
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return zlib.crc32(data), packer.compress(data) + packer.flush()


@cache
def _workers() -> ThreadPoolExecutor | None:
    """One deflating thread per CPU; none on one CPU, where a thread would only add its hand-over."""
    cpus = usable_cpus()
    return ThreadPoolExecutor(max_workers=cpus, thread_name_prefix="deflate") if cpus > 1 else None


def _keep(data: bytes, value: Deflated | Future[Deflated]) -> None:
    global _cached_bytes
    if _cached_bytes + len(data) > _CACHE_BYTES:
        _cache.clear()
        _cached_bytes = 0
    _cache[data] = value
    _cached_bytes += len(data)


def deflate_ahead(contents: Iterable[bytes]) -> None:
    """Start deflating these contents on the worker threads: an archive made of them later takes the results."""
    workers = _workers()
    if workers is None:
        return
    for data in contents:
        if len(data) >= _AHEAD_MIN and data not in _cache:
            _keep(data, workers.submit(_deflate, data))


def deflate_one_ahead(data: bytes) -> None:
    deflate_ahead((data,))


def deflated(data: bytes) -> Deflated:
    """CRC-32 and raw deflate stream of data, at zlib's default level (as zipfile deflates a ZipInfo entry)."""
    hit = _cache.get(data)
    if hit is None:
        hit = _deflate(data)
        _keep(data, hit)
    elif isinstance(hit, Future):
        hit = _cache[data] = hit.result()
    return hit


def zip_deflated(entries: Sequence[tuple[str, bytes]], dos_date: int, dos_time: int, mode: int) -> bytes:
    """A zip of (name, data) in the given order, every entry deflated, with one time stamp and unix mode."""
    deflate_ahead(data for _, data in entries)  # on the other CPUs meanwhile
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in entries:
        crc, packed = deflated(data)
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), _UTF8_NAME
        local = _LOCAL.pack(
            b"PK\003\004",
            _VERSION,
            0,
            flags,
            _DEFLATED,
            dos_time,
            dos_date,
            crc,
            len(packed),
            len(data),
            len(encoded),
            0,
        )
        central.append(
            _CENTRAL.pack(
                b"PK\001\002",
                _VERSION,
                _UNIX,
                _VERSION,
                0,
                flags,
                _DEFLATED,
                dos_time,
                dos_date,
                crc,
                len(packed),
                len(data),
                len(encoded),
                0,
                0,
                0,
                0,
                mode << 16,
                offset,
            )
            + encoded
        )
        out += (local, encoded, packed)
        offset += len(local) + len(encoded) + len(packed)
    directory = b"".join(central)
    end = _END.pack(b"PK\005\006", 0, 0, len(central), len(central), len(directory), offset, 0)
    return b"".join(out) + directory + end
