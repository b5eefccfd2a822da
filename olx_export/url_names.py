"""How the OLX export names its blocks: the report reads these names back from the LMS's records."""

from __future__ import annotations

import re


def url_name(*parts: str) -> str:
    """Ids like T1.5a become url_names Open edX accepts everywhere (letters, digits, _ and -)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", "-".join(parts))
