"""Fixtures for the XBlock tests: a minimal Django for templates, entry points, and a test runtime."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("xblock", reason="the XBlock tests need `pip install 'xblock[django]'`")

import django  # noqa: E402
from django.conf import settings  # noqa: E402

from .devreg import dev_registration_dir  # noqa: E402

if not settings.configured:
    # Only the template engine is used by the blocks outside a platform; no database here.
    settings.configure(
        USE_I18N=True,
        INSTALLED_APPS=[],
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
    )
    django.setup()

sys.path.insert(0, str(dev_registration_dir()))

from .harness import Harness  # noqa: E402


@pytest.fixture
def harness() -> Harness:
    return Harness()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium on a thread of its own (browser.py says why), for the workbench tests of one module."""
    from .browser import BrowserThread

    chromium = BrowserThread()
    yield chromium
    chromium.close()


def pytest_collection_modifyitems(items: list[Any]) -> None:
    # XBlock's own runtime reads Runtime.user_id when parsing XML and warns about it; not ours to fix.
    quiet = pytest.mark.filterwarnings("ignore:Runtime.user_id is deprecated")
    for item in items:
        if "xblock_tests" in str(item.path):
            item.add_marker(quiet)
