"""Translations: every marked string is in the .po files, zh_TW translates all, the .mo files are current,
and a learner whose language is zh-TW sees the blocks in it."""

from __future__ import annotations

import gettext
import subprocess
import sys
from pathlib import Path

from .harness import Harness

ROOT = Path(__file__).resolve().parents[2]
LOCALE_DIR = ROOT / "xblocks" / "translations"


def test_translations_are_extracted_translated_and_compiled() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "xblocks_i18n.py"), "check"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


class ZhTW:
    """An i18n service like Open edX's: the block package's `text` domain for the learner's language."""

    def __init__(self) -> None:
        self._t = gettext.translation("text", localedir=str(LOCALE_DIR), languages=["zh_TW"])

    def gettext(self, text: str) -> str:
        return self._t.gettext(text)


def test_views_render_in_zh_tw() -> None:
    h = Harness(i18n=ZhTW())
    quiz = h.parse('<zhineng_quiz selection_kind="ids" selection="T1-Q006"/>')
    html = h.html(quiz)
    assert "送出答案" in html and "再試一次" in html
    reflection = h.parse('<zhineng_reflection min_length="30" prompt="寫下來。"/>')
    assert "請至少寫 30 字。" in h.html(reflection)
    reply = h.call(reflection, "submit", {"text": "短", "rating": 2})
    assert reply.data["error"] == "你的反思目前有 1 字，請至少寫 30 字。"


class PlatformLanguage:
    """A service like the workbench's: Django's own gettext (which has no catalog of ours) and the language."""

    def __init__(self, language: str) -> None:
        self.language = language

    def gettext(self, text: str) -> str:
        return text

    def get_language(self) -> str:
        return self.language


def test_the_platform_language_picks_our_catalog_even_when_its_gettext_has_none() -> None:
    for language in ("zh-tw", "zh-hant", "zh-Hant-TW", "zh_TW"):
        h = Harness(i18n=PlatformLanguage(language))
        assert "送出答案" in h.html(h.parse('<zhineng_quiz selection_kind="ids" selection="T1-Q006"/>')), (
            language
        )
    for language in (
        "en-us",
        "fr",
        "zh-cn",
    ):  # English, or a language we have no catalog for: the service's words
        h = Harness(i18n=PlatformLanguage(language))
        assert "Submit answers" in h.html(h.parse('<zhineng_quiz selection_kind="ids" selection="T1-Q006"/>'))
