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

from ..quizzes.status import LABELS

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


def status_words(block: Any) -> dict[str, str]:
    """The statuses' words (quizzes/status.py LABELS, their one catalog) in the learner's language: zh-TW when
    the platform's active language is, else English, as `translator` decides."""
    try:
        service = block.runtime.service(block, "i18n")
    except Exception:  # a runtime without the service: English, as the untranslated strings
        service = None
    zh = service is not None and _locale(_active_language(service)) == "zh_TW"
    return {str(status): words for status, words in LABELS["zh-TW" if zh else "en"].items()}


def _active_language(service: Any) -> str | None:
    try:
        language = (
            service.get_language()
        )  # Django's, which both Open edX's and the workbench's service expose
    except Exception:  # a service without it (NullI18nService): its own gettext decides
        return None
    return language if isinstance(language, str) else None


def _locale(language: str | None) -> str | None:
    """zh_TW or en for a language tag (zh-tw, zh-Hant-TW, zh_TW, en-us), or None for another language."""
    tag = (language or "").replace("_", "-").lower()
    if tag.startswith("zh") and ("hant" in tag or tag.endswith(("-tw", "-hk", "-mo"))):
        return "zh_TW"
    return "en" if tag.split("-")[0] == "en" else None


@cache
def _catalog(language: str | None) -> gettext_module.GNUTranslations | None:
    """Our `text` catalog for a language tag (zh-tw, zh-Hant-TW, zh_TW, en-us), or None when we have none."""
    locale = _locale(language)
    if locale is None:
        return None
    try:
        return gettext_module.translation("text", localedir=str(LOCALE_DIR), languages=[locale])
    except OSError:  # the catalog is not installed: the service's words
        return None


def translate_all(block: Any, strings: dict[str, str]) -> dict[str, str]:
    """Translate a table of view strings at once, for a template or the JS init data."""
    gettext = translator(block)
    return {key: gettext(text) for key, text in strings.items()}
