"""The browser the page tests share: Debian's Chromium, launched once per test module."""
from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from browsing import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), "Debian's chromium is required: apt-get install chromium (make test installs it as root)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
