"""Playwright driving Debian's chromium against pytest-django's live server.

Playwright cannot download a browser here, so the tests use the system's
``/usr/bin/chromium`` (installed by ``make test``). Screenshots go to
``test-artifacts/``.
"""

import os
import shutil
from pathlib import Path

from django.db import connections

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture
def browser(monkeypatch):
    if not shutil.which(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (make test installs it)")
    # Playwright's sync API runs an event loop; Django must not refuse the
    # database calls the tests make beside it. The browser lives for one test
    # only: while Playwright runs, Django's per-context connection handler
    # hands out other connection objects, and the database rollback between
    # tests must happen on the original one.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
        )
        yield browser
        browser.close()
        # Close the connections Django opened in Playwright's context, or
        # PostgreSQL refuses to drop the test database at the end.
        connections.close_all()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


class PageRecorder:
    """Collects what a page did: console errors, requests and bytes."""

    def __init__(self, page):
        self.page = page
        self.console_errors: list[str] = []
        self.requests: list[str] = []
        self.responses = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", lambda response: self.responses.append(response))

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def transferred_bytes(self) -> int:
        total = 0
        for response in self.responses:
            sizes = response.request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        return total


@pytest.fixture
def record():
    return PageRecorder


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def accessibility_violations():
    """Run axe-core (bundled with axe-playwright-python, injected by the test,
    never served by the site) on a page; returns "rule (impact): targets"
    lines for every WCAG 2.2 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page) -> list[str]:
        results = axe.run(
            page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}
        )
        return [
            f"{violation['id']} ({violation['impact']}): "
            + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
            for violation in results.response["violations"]
        ]

    return check
