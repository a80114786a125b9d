"""No query string gives the HSDS API (``/api/hsds/…``) a server error:
Hypothesis draws each endpoint's parameters (and unknown ones) with odd
values; every answer is JSON, 200 or a 400 naming the parameter (404 for an
unknown id). How to draw 1,000 inputs each: see ``test_any_input.py``."""

from urllib.parse import quote

from django.core.cache import cache
from django.test import override_settings

from hypothesis import given
from hypothesis import strategies as st

from directory.models import Location, Organization, ServiceAtLocation, TaxonomyTerm
from tests.convivir.any_input import SiteTestCase, assert_answered, query, values

PAGED = ["page", "per_page", "format"]
SERVICE_FILTERS = [
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
]
NUMBERS = {"page", "per_page"}
DATES = {"modified_after"}
LISTS = {
    "services": [*PAGED, *SERVICE_FILTERS, "minimal", "full", "state", "municipality"],
    "organizations": [*PAGED, "search", "full", "full_service"],
    "service_at_locations": [*PAGED, *SERVICE_FILTERS, "full", "postcode", "proximity"],
    "locations": [*PAGED, "organization_id"],
    "taxonomies": [*PAGED, "search"],
    "taxonomy_terms": [*PAGED, "search", "taxonomy_id", "top_only", "parent_id"],
}


def api_query(names, unknown=False):
    """An endpoint's parameters; an unknown one answers 400 before the
    others are read, so only some inputs have one."""
    return query(
        [name for name in names if name not in NUMBERS | DATES],
        date_names=[name for name in names if name in DATES],
        number_names=[name for name in names if name in NUMBERS],
        unknown=unknown,
    )


def assert_json(response, *allowed):
    assert_answered(response, *allowed)
    assert response["Content-Type"].startswith(("application/json", "application/x"))
    if response.status_code == 400 and not response.streaming:
        assert "parameter" in response.json()


@override_settings(RATELIMIT_ENABLED=False)
class APITest(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        service = cls.site["service"]
        cls.details = {
            "services": service.pk,
            "organizations": Organization.objects.get(services=service).pk,
            "service_at_locations": ServiceAtLocation.objects.filter(service=service)
            .first()
            .pk,
            "locations": Location.objects.filter(service_at_locations__service=service)
            .first()
            .pk,
            "taxonomies": TaxonomyTerm.objects.first().taxonomy_id,
            "taxonomy_terms": TaxonomyTerm.objects.first().pk,
        }

    def get(self, url, params):
        cache.clear()
        response = self.client.get(url, params)
        if response.streaming:
            b"".join(response.streaming_content)  # NDJSON is read to its end
        return response

    @given(data=st.data())
    def test_every_list(self, data):
        for endpoint, names in LISTS.items():
            params = data.draw(api_query(names, unknown=data.draw(st.booleans())))
            assert_json(self.get(f"/api/hsds/{endpoint}", params), 200, 400)

    @given(params=api_query(LISTS["services"]))
    def test_services(self, params):
        assert_json(self.get("/api/hsds/services", params), 200, 400)

    @given(endpoint=st.sampled_from(sorted(LISTS)), params=api_query(["full_service"]))
    def test_every_detail(self, endpoint, params):
        url = f"/api/hsds/{endpoint}/{self.details[endpoint]}"
        assert_json(self.get(url, params), 200, 400)

    @given(endpoint=st.sampled_from(sorted(LISTS)), tail=values)
    def test_any_address_under_the_api(self, endpoint, tail):
        response = self.get(f"/api/hsds/{endpoint}/{quote(tail, safe='')}", {})
        assert_json(response, 200, 400, 404)

    def test_the_root(self):
        assert_json(self.get("/api/hsds/", {}), 200)
