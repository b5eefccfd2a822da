"""Templates and static files are package data, read with XBlock's ResourceLoader."""

from __future__ import annotations

import hashlib
from typing import Any

from web_fragments.fragment import Fragment
from xblock.utils.resources import ResourceLoader

loader = ResourceLoader(__name__)


def dom_prefix(block: Any) -> str:
    """An id prefix unique to the block in the page, so labels point at the right inputs."""
    usage = str(block.scope_ids.usage_id)
    return "zh" + hashlib.sha1(usage.encode()).hexdigest()[:10]


def fragment(
    template: str, context: dict[str, Any], js: str, init_fn: str, init_args: dict[str, Any]
) -> Fragment:
    frag = Fragment(loader.render_django_template(f"templates/{template}", context))
    frag.add_css(loader.load_unicode("static/zhineng.css"))
    frag.add_javascript(loader.load_unicode("static/common.js"))
    frag.add_javascript(loader.load_unicode(f"static/{js}"))
    frag.initialize_js(init_fn, init_args)
    return frag
