"""Every public page type, in Spanish and English, is valid HTML by the Nu
HTML Checker (``vnu.jar`` from npm's ``vnu-jar``, installed by ``make
test``), checked in one run of the checker."""

import json
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

import pytest

from tests.convivir.public_pages import ERROR_PAGES, render_all

pytestmark = pytest.mark.django_db

VNU = Path(settings.BASE_DIR, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")


@pytest.fixture
def vnu() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is missing: `make node-deps` installs it")
    if not VNU.exists():
        pytest.skip(f"{VNU} is missing: `make node-deps` installs it")
    return [java, "-jar", str(VNU), "--format", "json", "--stdout", "--errors-only"]


# The page types every run checks (names from tests.convivir.public_pages).
EXPECTED = {
    "homepage",
    "contentpage",
    "campaignindexpage",
    "campaignpage",
    "pledge",
    "pledge-errors",
    "dialoguematerialindexpage",
    "dialoguematerialpage",
    "eventindexpage",
    "event-month",
    "event-archive",
    "eventpage",
    "event-register",
    "event-register-errors",
    "directoryindexpage",
    "directory-search",
    "town",
    "service",
    "service-confidential",
    "organization",
    "search",
    "volunteerindexpage",
    "protectionnetworkpage",
    "signup",
    "signup-errors",
    "my-data",
    "not-found",
}


def _describe(message: dict, pages: dict) -> str:
    page = pages.get(message.get("url", "").rsplit("/", 1)[-1])
    if page is None:
        where = message.get("url", "?")
    else:
        where = f"{page.language} {page.name} ({page.url})"
    extract = " ".join(message.get("extract", "").split())
    return (
        f"{where} line {message.get('lastLine')}: {message['message']}\n    {extract}"
    )


def test_every_public_page_is_valid_html(demo_site, client, vnu, tmp_path):
    pages = {}
    for page in render_all(client):
        assert page.status == ERROR_PAGES.get(page.name, 200), page
        path = tmp_path / f"{page.language}-{page.name}.html"
        path.write_text(page.html, encoding="utf-8")
        pages[path.name] = page
    assert not EXPECTED - {page.name for page in pages.values()}
    result = subprocess.run(  # noqa: S603 (the checker, with our own files)
        [*vnu, *sorted(str(tmp_path / name) for name in pages)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.stdout, result.stderr
    messages = json.loads(result.stdout)["messages"]
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    report = "\n".join(_describe(m, pages) for m in errors)
    assert not errors, f"{len(errors)} HTML errors:\n{report}"
