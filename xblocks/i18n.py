"""Translation helpers for the blocks.

Field names and help are marked with `_` (a no-op) so the extractor finds them and Studio translates
them at display time; view strings are translated per request through the runtime's i18n service, which
in Open edX reads this package's `translations/<locale>/LC_MESSAGES/text.mo`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _(text: str) -> str:
    """Mark a string for extraction without translating it now (the class body has no learner yet)."""
    return text


def translator(block: Any) -> Callable[[str], str]:
    """The learner's gettext, from the runtime's i18n service; identity when the runtime has none."""
    try:
        service = block.runtime.service(block, "i18n")
    except Exception:  # a runtime without the service must still render, untranslated
        service = None
    if service is None:
        return lambda text: text
    gettext = getattr(service, "gettext", None) or getattr(service, "ugettext", None)
    return gettext if callable(gettext) else (lambda text: text)


def translate_all(block: Any, strings: dict[str, str]) -> dict[str, str]:
    """Translate a table of view strings at once, for a template or the JS init data."""
    gettext = translator(block)
    return {key: gettext(text) for key, text in strings.items()}
