"""Templates and static files are package data, read with XBlock's ResourceLoader."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from web_fragments.fragment import Fragment
from xblock.utils.resources import ResourceLoader

from ..script_json import script_json

loader = ResourceLoader(__name__)


def dom_prefix(block: Any) -> str:
    """An id prefix unique to the block in the page, so labels point at the right inputs."""
    usage = str(block.scope_ids.usage_id)
    return "zh" + hashlib.sha1(usage.encode()).hexdigest()[:10]


def fragment(
    template: str,
    context: dict[str, Any],
    js: str,
    init_fn: str,
    init_args: dict[str, Any],
    parts_js: Sequence[str] = (),
) -> Fragment:
    """The block's fragment; `parts_js` are scripts its own script uses (each question type's reader)."""
    frag = Fragment(loader.render_django_template(f"templates/{template}", context))
    frag.add_css(loader.load_unicode("static/zhineng.css"))
    frag.add_javascript(loader.load_unicode("static/common.js"))
    for script in parts_js:
        frag.add_javascript(script)
    frag.add_javascript(loader.load_unicode(f"static/{js}"))
    # The runtime writes init args into <script type="json/xblock-args"> with a plain json.dumps, so a
    # `</script>` in any authored or learner string would end the element. We hand it one string holding
    # our own script-safe JSON (no <, > or &), which its json.dumps cannot turn back into markup;
    # ZhinengCommon.initArgs parses it on the other side.
    frag.initialize_js(init_fn, {"json": script_json(init_args)})
    return frag
