"""A test runtime for the blocks: in-memory field data, recorded events, handlers called with Request.blank.

KvsFieldData over a DictKeyValueStore rather than one DictFieldData: a course tree needs each block's
fields kept apart (DictFieldData keys by field name only).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from webob import Request
from xblock.runtime import DictKeyValueStore, KvsFieldData, NullI18nService
from xblock.test.tools import TestRuntime


class RecordingRuntime(TestRuntime):
    """TestRuntime with the few methods a rendering, publishing block needs."""

    def __init__(self, events: list[tuple[str, dict[str, Any]]], i18n: Any = None, **kwargs: Any) -> None:
        services = {"field-data": KvsFieldData(DictKeyValueStore()), "i18n": i18n or NullI18nService()}
        super().__init__(services=services, **kwargs)
        self.events = events

    def handler_url(
        self, block: Any, handler_name: str, suffix: str = "", query: str = "", thirdparty: bool = False
    ) -> str:
        return f"/handler/{block.scope_ids.usage_id}/{handler_name}"

    def local_resource_url(self, block: Any, uri: str) -> str:
        return f"/resource/{uri}"

    def resource_url(self, resource: str) -> str:
        return f"/static/{resource}"

    def publish(self, block: Any, event_type: str, event_data: dict[str, Any]) -> None:
        self.events.append((event_type, event_data))


@dataclass
class Reply:
    status: int
    data: Any


@dataclass
class Harness:
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    i18n: Any = None

    def __post_init__(self) -> None:
        self.runtime = RecordingRuntime(self.events, self.i18n)

    def parse(self, xml: str) -> Any:
        return self.runtime.get_block(self.runtime.parse_xml_string(xml))

    def call(self, block: Any, handler: str, body: Any, *, raw: bytes | None = None) -> Reply:
        request = Request.blank("/", method="POST")
        request.body = raw if raw is not None else json.dumps(body).encode()
        response = self.runtime.handle(block, handler, request)
        text = response.body.decode()
        return Reply(response.status_code, json.loads(text) if text else None)

    def html(self, block: Any, view: str = "student_view") -> str:
        frag = self.runtime.render(block, view, {})
        return (
            frag.body_html()
            + "\n"
            + frag.foot_html()
            + "\n"
            + json.dumps(frag.json_init_args or {}, ensure_ascii=False)
        )

    def of_type(self, event_type: str) -> list[dict[str, Any]]:
        return [data for kind, data in self.events if kind == event_type]
