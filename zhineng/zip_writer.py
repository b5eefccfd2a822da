"""A zip archive written directly, each distinct file content deflated once per process.

`export --all` packs the same files into many zips (the runtime script in every SCORM and cmi5 package, each SCO's
data.js in the course zip and in its own): of 141 entries only 45 differ, and deflating them was half of a warm
export. Python's zipfile cannot take data already deflated, so this writes the few records a zip of deflated,
unencrypted files needs, byte for byte as zipfile writes them (tests/test_zip_writer.py holds it to zipfile's
output), and keeps each content's deflated form for the next archive.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

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
_cache: dict[bytes, tuple[int, bytes]] = {}
_cached_bytes = 0


def fits(entries: Sequence[tuple[str, bytes]]) -> bool:
    """Whether this writer can take the entries (no zip64 needed); zipfile writes the rest."""
    return (
        len(entries) < _MAX_ENTRIES
        and sum(len(d) for _, d in entries) < _LIMIT
        and not any("\0" in name for name, _ in entries)  # zipfile cuts a name at NUL
    )


def deflated(data: bytes) -> tuple[int, bytes]:
    """CRC-32 and raw deflate stream of data, at zlib's default level (as zipfile deflates a ZipInfo entry)."""
    global _cached_bytes
    hit = _cache.get(data)
    if hit is None:
        packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        hit = (zlib.crc32(data), packer.compress(data) + packer.flush())
        if _cached_bytes + len(data) > _CACHE_BYTES:
            _cache.clear()
            _cached_bytes = 0
        _cache[data] = hit
        _cached_bytes += len(data)
    return hit


def zip_deflated(entries: Sequence[tuple[str, bytes]], dos_date: int, dos_time: int, mode: int) -> bytes:
    """A zip of (name, data) in the given order, every entry deflated, with one time stamp and unix mode."""
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
