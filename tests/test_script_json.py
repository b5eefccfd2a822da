"""JSON put inside a <script> element (or a .js file) carries no character that could end or bend it."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from zhineng.script_json import js_file_json, script_json

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=100, derandomize=True, database=None)
@given(values)
def test_script_json_is_the_same_value_with_nothing_to_break_out(value: object) -> None:
    text = script_json(value)
    assert json.loads(text) == value
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(js_file_json(value)) == value
    assert not set(js_file_json(value)) & {"\u2028", "\u2029"}


def test_the_breakout_payload() -> None:
    text = script_json({"f": "</script><script>alert(1)</script><!--\u2028&amp;"})
    assert (
        text
        == '{"f":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!--\\u2028\\u0026amp;"}'
    )
