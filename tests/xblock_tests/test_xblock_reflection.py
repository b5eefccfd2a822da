"""Reflection block handlers: valid submit completes, revisions overwrite, limits are enforced on the server."""

from __future__ import annotations

import pytest

from .harness import Harness

XML = '<zhineng_reflection attitude="A01" activity="T1.1" min_length="20" max_length="{max}" prompt="寫下來。"/>'


def test_valid_submit_stores_completes_and_publishes(harness: Harness) -> None:
    block = harness.parse(XML.format(max=200))
    reply = harness.call(
        block, "submit", {"text": "我每次上架前都會逐項核對商品標示與實物是否一致。", "rating": 4}
    )
    assert reply.status == 200 and reply.data["submitted"] is True
    assert block.submitted and block.rating == 4 and block.text.startswith("我每次")
    assert harness.of_type("completion") == [{"completion": 1.0}]
    assert harness.of_type("zhineng.attitude.reflected")[0]["attitude_id"] == "A01"
    assert "我每次上架前" in harness.html(block)  # shown again on reload


def test_revision_overwrites(harness: Harness) -> None:
    block = harness.parse(XML.format(max=200))
    harness.call(block, "submit", {"text": "第一版" * 10, "rating": 2})
    harness.call(block, "submit", {"text": "第二版" * 10, "rating": 5})
    assert block.text == "第二版" * 10 and block.rating == 5


def test_too_short_is_a_clear_400(harness: Harness) -> None:
    block = harness.parse(XML.format(max=200))
    reply = harness.call(block, "submit", {"text": "太短了", "rating": 3})
    assert (reply.status, reply.data) == (
        400,
        {"error": "Your reflection has 3 characters; write at least 20."},
    )
    assert not block.submitted and block.text == "" and harness.events == []


def test_server_cap_is_10000_whatever_the_author_set(harness: Harness) -> None:
    block = harness.parse(XML.format(max=10000))
    block.max_length = 50_000  # a bad value stored by some other route still cannot lift the cap
    reply = harness.call(block, "submit", {"text": "字" * 10_001, "rating": 3})
    assert reply.status == 400 and reply.data["error"] == "'text' is longer than 10000 characters (10001)"
    assert harness.call(block, "submit", {"text": "字" * 10_000, "rating": 3}).status == 200


@pytest.mark.parametrize(
    "body",
    [
        {"text": 5, "rating": 3},
        {"text": "足夠長的反思內容，超過二十個字元的文字在這裡。", "rating": "3"},
        {"text": "足夠長的反思內容，超過二十個字元的文字在這裡。", "rating": True},
        {"text": "足夠長的反思內容，超過二十個字元的文字在這裡。", "rating": 6},
        {"text": "足夠長的反思內容，超過二十個字元的文字在這裡。"},
        {"text": "足夠長的反思內容，超過二十個字元的文字在這裡。", "rating": 3, "admin": True},
        ["not", "an", "object"],
    ],
)
def test_wrong_types_are_400(harness: Harness, body: object) -> None:
    block = harness.parse(XML.format(max=200))
    reply = harness.call(block, "submit", body)
    assert reply.status == 400 and reply.data["error"]
    assert not block.submitted


def test_get_is_refused(harness: Harness) -> None:
    from webob import Request

    block = harness.parse(XML.format(max=200))
    response = harness.runtime.handle(block, "submit", Request.blank("/"))
    assert response.status_code == 405
