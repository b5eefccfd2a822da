"""JSON that is safe wherever a page may put it inside a <script> element or a JavaScript file.

JSON text may hold `</script>` or `<!--` inside a string, which ends or bends the script element around
it, and U+2028/U+2029, which JavaScript before ES2019 reads as line ends inside a string literal. Every one
of these characters is written as its \\u escape instead: the same value to a JSON or JavaScript reader.
"""

from __future__ import annotations

import json
from typing import Any

_IN_SCRIPT = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}
_LINE_ENDS = {0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_json(value: Any) -> str:
    """Compact JSON with <, >, & and U+2028/U+2029 escaped: safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_IN_SCRIPT)


def js_file_json(value: Any) -> str:
    """Compact JSON for a separate .js file (never inline in HTML): only the two JavaScript line ends escaped."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_LINE_ENDS)
