"""Translation helpers for the blocks.

Field names and help are marked with `_` (a no-op) so the extractor finds them and Studio translates
them at display time; view strings are translated per request through the runtime's i18n service, which
in Open edX reads this package's `translations/<locale>/LC_MESSAGES/text.mo`.
"""

from __future__ import annotations

import gettext as gettext_module
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).resolve().parent / "translations"


def _(text: str) -> str:
    """Mark a string for extraction without translating it now (the class body has no learner yet)."""
    return text


def translator(block: Any) -> Callable[[str], str]:
    """The learner's gettext: this package's catalog for the platform's active language when the runtime's i18n
    service names one (Open edX's service reads the same catalog; the xblock-sdk workbench's only knows
    Django's own, so without this a zh-TW platform would show the blocks in English); else the service's
    gettext; identity when the runtime has none."""
    try:
        service = block.runtime.service(block, "i18n")
    except Exception:  # a runtime without the service must still render, untranslated
        service = None
    if service is None:
        return lambda text: text
    ours = _catalog(_active_language(service))
    if ours is not None:
        return ours.gettext
    gettext = getattr(service, "gettext", None) or getattr(service, "ugettext", None)
    return gettext if callable(gettext) else (lambda text: text)


def _active_language(service: Any) -> str | None:
    try:
        language = (
            service.get_language()
        )  # Django's, which both Open edX's and the workbench's service expose
    except Exception:  # a service without it (NullI18nService): its own gettext decides
        return None
    return language if isinstance(language, str) else None


@cache
def _catalog(language: str | None) -> gettext_module.GNUTranslations | None:
    """Our `text` catalog for a language tag (zh-tw, zh-Hant-TW, zh_TW, en-us), or None when we have none."""
    if not language:
        return None
    tag = language.replace("_", "-").lower()
    if tag.startswith("zh") and ("hant" in tag or tag.endswith(("-tw", "-hk", "-mo"))):
        locale = "zh_TW"
    elif tag.split("-")[0] == "en":
        locale = "en"
    else:
        return None
    try:
        return gettext_module.translation("text", localedir=str(LOCALE_DIR), languages=[locale])
    except OSError:  # the catalog is not installed: the service's words
        return None


def translate_all(block: Any, strings: dict[str, str]) -> dict[str, str]:
    """Translate a table of view strings at once, for a template or the JS init data."""
    gettext = translator(block)
    return {key: gettext(text) for key, text in strings.items()}
