"""The xblock-sdk workbench's event log -> Open edX tracking-log lines, as reports/read_openedx.py reads them.

The workbench logs each `runtime.publish(block, event_type, data)` of a block as two lines (see
tests/xblock_tests/workbench.py): `XBlock event <event_type> for <block_type> (usage_id=<usage id>):`, then the
data's repr. It logs neither the user nor the time, so the caller names the learner who played (the
workbench's `?student=`) and the lines carry no `time`. Its usage ids number the definitions of each block type
in scenario order (`<scenario>.<block_type>.d<n>.u0`); the n-th element of that type in the scenario XML is the
block, and its `url_name` is what Open edX puts at the end of the usage key.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from typing import Any

from zhineng.olx_export.package import CourseKey

HEAD = re.compile(r"^XBlock event (?P<event>\S+) for (?P<block>\S+) \(usage_id=(?P<usage>[^)]+)\):$")
USAGE = re.compile(r"\.(?P<block>[A-Za-z0-9_]+)\.d(?P<n>\d+)\.u\d+$")


def published(log_text: str) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(event type, block type, usage id, data) of every event in the log, in order."""
    lines = log_text.splitlines()
    out = []
    for i, line in enumerate(lines[:-1]):
        head = HEAD.match(line)
        if head:
            data = ast.literal_eval(lines[i + 1])
            out.append((head["event"], head["block"], head["usage"], data))
    return out


def url_name_of(usage_id: str, scenario: str) -> str:
    """The url_name of the scenario element a workbench usage id stands for."""
    found = USAGE.search(usage_id)
    if found is None:
        raise ValueError(f"not a workbench usage id: {usage_id}")
    of_type = list(ET.fromstring(scenario).iter(found["block"]))
    return of_type[int(found["n"])].attrib["url_name"]


def tracking_log(
    log_text: str, scenario: str, username: str, key: CourseKey | None = None
) -> list[dict[str, Any]]:
    """Every event of the log as an Open edX tracking-log event of `username` in the exported course."""
    key = key or CourseKey()
    course = f"{key.org}+{key.number}+{key.run}"
    return [
        {
            "name": event,
            "event_type": event,
            "event_source": "server",
            "username": username,
            "event": data,
            "context": {
                "user_id": username,
                "course_id": f"course-v1:{course}",
                "module": {
                    "usage_key": f"block-v1:{course}+type@{block}+block@{url_name_of(usage, scenario)}"
                },
            },
        }
        for event, block, usage, data in published(log_text)
    ]
