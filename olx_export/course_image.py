"""A plain course card image, drawn in code so the export needs no binary file in the repository."""

from __future__ import annotations

import struct
import zlib

WIDTH, HEIGHT = 378, 225  # Open edX's course card proportions
COLOUR = (0x1D, 0x4E, 0xD8)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def course_image_png() -> bytes:
    row = b"\x00" + bytes(COLOUR) * WIDTH  # filter byte 0, then RGB pixels
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(row * HEIGHT, 9))
        + _chunk(b"IEND", b"")
    )
