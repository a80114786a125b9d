"""SQL queries per public page, uncached (no whole-page cache), on the demo:
every page type in both languages within a budget, and the lighter ones
within 12. The header and footer are kept per language until content
changes, so they cost nothing after the first page."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

import pytest

from tests.convivir.public_pages import LANGUAGES, public_urls

pytestmark = pytest.mark.django_db

# Wagtail's routing costs 4 queries on every page (the locale, the root, the
# page, its type); the pages not listed here still cost 13 to 20 (the
# directory's listings and printable sheet, campaign and event pages).
# Nothing may grow past the budget.
BUDGET = 20
TWELVE = {
    "conduct",
    "contentpage",
    "dialoguematerialindexpage",
    "event-cancel",
    "event-register",
    "event-registered",
    "homepage",
    "link-problem",
    "my-data",
    "my-data-deleted",
    "my-data-request",
    "my-data-sent",
    "not-found",
    "offline",
    "pledge",
    "pledge-sent",
    "search",
    "search-empty",
    "signup",
    "signup-confirm",
    "signup-sent",
    "volunteerindexpage",
}


@override_settings(PAGE_CACHE_SECONDS=0, DEBUG=False)
def test_every_public_page_within_its_query_budget(demo_site, client):
    counted = {}
    for language in LANGUAGES:
        for name, url in public_urls(language).items():
            client.get(url)  # renditions, the header and footer parts
            with CaptureQueriesContext(connection) as queries:
                client.get(url).getvalue()  # the town sheet streams
            counted[name, language] = len(queries)
    over = {key: n for key, n in counted.items() if n > BUDGET}
    assert not over, over
    heavy = {key: n for key, n in counted.items() if key[0] in TWELVE and n > 12}
    assert not heavy, heavy
    assert len(counted) >= 70
