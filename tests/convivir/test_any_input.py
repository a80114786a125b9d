"""No address a visitor can type gives a server error: Hypothesis draws
query strings (NUL characters, digits in other scripts, huge numbers, dates
at the ends of the calendar, impossible dates, very long text, a
``<script>`` marker) for every public listing, and each answer is a normal
page or a clear 4xx that never echoes the marker unescaped.

The HSDS API is in ``test_any_input_api.py``, the public forms and the
admin filters in ``test_any_input_forms.py``.

By default each test draws 50 inputs (the "convivir" Hypothesis profile of
``tests/conftest.py``). For 1,000 inputs per listing and form::

    HYPOTHESIS_PROFILE=thorough python -m pytest -p no:xdist \\
        tests/convivir/test_any_input.py tests/convivir/test_any_input_api.py \\
        tests/convivir/test_any_input_forms.py
"""

from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from hypothesis import given
from hypothesis import strategies as st

from tests.convivir.any_input import SiteTestCase, assert_answered, months, query

EVENT_FILTERS = ["q", "state", "municipality", "category", "language"]
EVENT_DATES = ["from", "to"]
DIRECTORY_FILTERS = [
    "q",
    "estado",
    "municipio",
    "tipo",
    "poblacion",
    "idioma",
    "abierto",
    "cerca",
    "lat",
    "lon",
    "orden",
    "ruta",
]
DIRECTORY_NUMBERS = ["radio", "page"]


@override_settings(RATELIMIT_ENABLED=False)
class PublicListingsTest(SiteTestCase):
    """Every public listing and feed, with generated query strings."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        calendar = cls.site["calendar"]
        directory = cls.site["directory"]
        cls.calendar_url = calendar.url
        cls.month_url = calendar.url + calendar.reverse_subpage("this_month")
        cls.archive_url = calendar.url + calendar.reverse_subpage("archive")
        cls.directory_url = directory.url
        cls.town_url = directory.route_url("town", slug="tapachula")
        cls.town_sheet_url = directory.route_url("town_sheet", slug="tapachula")

    def get(self, url, params):
        # Pages are cached for anonymous visitors: each input is served anew.
        cache.clear()
        return self.client.get(url, params)

    @given(params=query(EVENT_FILTERS, date_names=EVENT_DATES, number_names=["page"]))
    def test_the_events_list_archive_and_month(self, params):
        for url in (self.calendar_url, self.archive_url, self.month_url):
            assert_answered(self.get(url, params), 200)

    @given(month=months, params=query(EVENT_FILTERS, date_names=EVENT_DATES))
    def test_any_month_of_the_calendar(self, month, params):
        year, month = month
        url = f"{self.month_url}{year}/{month}/"
        response = self.get(url, params)
        assert_answered(response, 200, 400)
        if 1900 <= year <= 2999 and 1 <= month <= 12:
            assert response.status_code == 200

    @given(params=query(EVENT_FILTERS, date_names=EVENT_DATES))
    def test_the_ical_feed(self, params):
        response = self.get(reverse("events:calendar_ics"), params)
        assert_answered(response, 200)
        assert response["Content-Type"].startswith("text/calendar")

    @given(params=query(DIRECTORY_FILTERS, number_names=DIRECTORY_NUMBERS))
    def test_the_directory_home_and_its_searches(self, params):
        assert_answered(self.get(self.directory_url, params), 200)

    @given(params=query(DIRECTORY_FILTERS, number_names=DIRECTORY_NUMBERS))
    def test_a_towns_page_and_sheet(self, params):
        assert_answered(self.get(self.town_url, params), 200)
        assert_answered(self.get(self.town_sheet_url, params), 200)

    @given(params=query(["q"], number_names=["page"]))
    def test_the_site_search(self, params):
        assert_answered(self.get(reverse("search:site"), params), 200)
        assert_answered(self.get("/en/search/", params), 200)

    @given(
        params=st.one_of(
            # A page number alone is the one a shared link keeps.
            query([], number_names=["page"], unknown=False),
            query(["q", "tema", "estado", "formato"], number_names=["page"]),
        )
    )
    def test_the_campaigns_and_other_pages_with_a_query(self, params):
        campaign = self.site["campaign"]
        for url in ("/es/", campaign.get_parent().url, campaign.url):
            assert_answered(self.get(url, params), 200)
