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

# The pages that still cost more than 12 (the home page's sections, the
# directory's listings, campaign and event pages): see the README on
# performance. Nothing may grow past this.
BUDGET = 30
TWELVE = {
    "signup",
    "signup-sent",
    "signup-confirm",
    "my-data",
    "my-data-request",
    "link-problem",
    "search",
    "search-empty",
    "offline",
    "event-register",
    "event-registered",
    "event-cancel",
    "pledge",
    "pledge-sent",
    "conduct",
    "not-found",
}


@override_settings(PAGE_CACHE_SECONDS=0, DEBUG=False)
def test_every_public_page_within_its_query_budget(demo_site, client):
    counted = {}
    for language in LANGUAGES:
        for name, url in public_urls(language).items():
            client.get(url)  # renditions, the header and footer parts
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            counted[name, language] = len(queries)
    over = {key: n for key, n in counted.items() if n > BUDGET}
    assert not over, over
    heavy = {key: n for key, n in counted.items() if key[0] in TWELVE and n > 12}
    assert not heavy, heavy
    assert len(counted) >= 70
