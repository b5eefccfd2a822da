"""The reflections saved in a SCO's suspend_data (format: scorm_export/runtime/state.js, header comment).

Only the reflections are read: answers are reported through the interactions. Lengths count UTF-16 units,
as JavaScript does, so the text is sliced in UTF-16.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MAGIC = "Z2"
LEGACY_MAGIC = "Z1"  # written before the attempt field: no attempt marker, no next interaction index
HASH_CHARS = 6


@dataclass(frozen=True)
class SavedReflection:
    submitted: bool
    rating: int | None
    text: str


@lru_cache(maxsize=4096)  # the same few reflection ids are hashed for every attempt
def fnv6(text: str) -> str:
    """The runtime's FNV-1a hash of a reflection id, first 6 hex digits (ids are ASCII)."""
    h = 0x811C9DC5
    for ch in text:
        h ^= ord(ch)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return f"{h:08x}"[:HASH_CHARS]


class _Reader:
    """Reads the state in UTF-16 units. Text within the Basic Multilingual Plane (the usual case, Chinese
    included) has one unit per character, so it is read as the str itself; otherwise as UTF-16 bytes."""

    def __init__(self, text: str) -> None:
        self.bmp = not text or max(text) <= "\uffff"
        self.text = text
        self.units = b"" if self.bmp else text.encode("utf-16-le")
        self.at = 0  # in UTF-16 units

    def until(self, sep: str) -> str:
        if self.bmp:
            end = self.text.find(sep, self.at)
            if end < 0:
                raise ValueError("truncated state")
            out = self.text[self.at : end]
            self.at = end + 1
            return out
        end = self.units.find(sep.encode("utf-16-le"), self.at * 2)
        while end >= 0 and end % 2:  # only at a unit boundary
            end = self.units.find(sep.encode("utf-16-le"), end + 1)
        if end < 0:
            raise ValueError("truncated state")
        out = self.units[self.at * 2 : end].decode("utf-16-le")
        self.at = end // 2 + 1
        return out

    def take(self, n: int) -> str:
        if self.bmp:
            if n < 0 or self.at + n > len(self.text):
                raise ValueError("truncated state")
            out = self.text[self.at : self.at + n]
            self.at += n
            return out
        if n < 0 or (self.at + n) * 2 > len(self.units):
            raise ValueError("truncated state")
        out = self.units[self.at * 2 : (self.at + n) * 2].decode("utf-16-le", errors="replace")
        self.at += n
        return out


def saved_reflections(data: str) -> dict[str, SavedReflection]:
    """fnv6(reflection id) -> what was saved. Raises ValueError on anything that is not our format."""
    r = _Reader(data)
    magic = r.until(":")
    if magic not in (MAGIC, LEGACY_MAGIC):
        raise ValueError("not zhineng suspend_data")
    # content hash, [attempt and next interaction,] page, visited activities
    for _ in range(4 if magic == MAGIC else 3):
        r.until(":")
    for _ in range(int(r.until(":"), 36)):
        r.take(HASH_CHARS)
        r.take(int(r.until(":"), 36))
    out: dict[str, SavedReflection] = {}
    for _ in range(int(r.until(":"), 36)):
        head = r.take(HASH_CHARS + 2)
        text = r.take(int(r.until(":"), 36))
        rating = int(head[-1])
        out[head[:HASH_CHARS]] = SavedReflection(head[HASH_CHARS] in "sS", rating or None, text)
    return out
