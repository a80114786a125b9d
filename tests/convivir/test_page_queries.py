"""SQL queries per public page, uncached (no whole-page cache), on the demo:
every page type in both languages within 12. The header and footer are
kept per language until content changes, so they cost nothing after the
first page."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

import pytest

from tests.convivir.public_pages import LANGUAGES, public_urls

pytestmark = pytest.mark.django_db

# Any public page, uncached, whatever it lists: the page found in two
# queries (convivir/routing.py), the header and footer kept per language,
# the facets of a list counted in one statement.
BUDGET = 12


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
    assert len(counted) >= 70
