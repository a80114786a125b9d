"""The HSDS API's parameters: each endpoint's filters as the specification
gives them (and the documented extensions), place searches that never match
a confidential location, unsupported parameters and methods answered in
JSON."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

import pytest

from directory.factories import LocationFactory, ServiceFactory, population, term
from directory.models import Service, Taxonomy

pytestmark = pytest.mark.django_db

# The confidential refuge's hidden place, and a public one 2 km away.
SECRET = {"latitude": "14.950000", "longitude": "-92.300000", "postal_code": "30799"}
PUBLIC = {"latitude": "14.968000", "longitude": "-92.300000", "postal_code": "30700"}


@pytest.fixture
def places():
    secret = LocationFactory(is_confidential=True, **SECRET)
    refuge = ServiceFactory(
        name="Refugio", organization=secret.organization, location=secret
    )
    shelter = ServiceFactory(
        name="Albergue", **{f"location__{k}": v for k, v in PUBLIC.items()}
    )
    shelter.populations.set([population("families")])
    shelter.save()
    food = ServiceFactory(
        name="Comedor",
        types=["food"],
        location__municipality="Villahermosa",
        location__state="tabasco",
        location__postal_code="86000",
        location__latitude="17.989000",
        location__longitude="-92.947000",
    )
    return refuge, shelter, food


def ranked(client, **params):
    response = client.get("/api/hsds/services", params)
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["contents"]]


def names(client, url, **params):
    response = client.get(f"/api/hsds/{url}", params)
    assert response.status_code == 200, response.content
    return sorted(
        item.get("name") or item["service"]["name"]
        for item in response.json()["contents"]
    )


def test_proximity_finds_public_places_only(client, places):
    # Exactly the refuge's hidden coordinates: only the public shelter,
    # 2 km away, is found.
    point = f"{SECRET['latitude']},{SECRET['longitude']}"
    assert names(client, "service_at_locations", proximity=point) == ["Albergue"]
    assert names(client, "service_at_locations", proximity=f"{point},1") == []
    assert names(client, "service_at_locations", proximity=f"{point},3") == ["Albergue"]
    assert names(client, "service_at_locations", proximity="17.99,-92.95,5") == [
        "Comedor"
    ]


def test_postcode_never_matches_a_hidden_one(client, places):
    assert names(client, "service_at_locations", postcode="30799") == []
    assert names(client, "service_at_locations", postcode="30700") == ["Albergue"]
    # The specification's form: metres from the centre of the postcode.
    assert names(client, "service_at_locations", postcode="30700", proximity="500") == [
        "Albergue"
    ]
    assert (
        names(client, "service_at_locations", postcode="30799", proximity="50000") == []
    )


@pytest.mark.parametrize(
    "proximity", ["14.9", "north", "14.9,-92.3,0", "95,-92.3", "14.9,-92.3,5,1"]
)
def test_bad_proximity_answers_400(client, places, proximity):
    response = client.get("/api/hsds/service_at_locations", {"proximity": proximity})
    assert response.status_code == 400
    assert response.json()["parameter"] == "proximity"


def test_taxonomy_filters_on_every_list_that_has_them(client, places):
    food = term("food")
    populations = Taxonomy.objects.get(key="population")
    for url in ("services", "service_at_locations"):
        assert names(client, url, taxonomy_term_id=str(food.pk)) == ["Comedor"]
        assert names(client, url, taxonomy_id=str(populations.pk)) == ["Albergue"]
    terms = client.get(
        "/api/hsds/taxonomy_terms", {"taxonomy_id": str(populations.pk)}
    ).json()
    assert {t["taxonomy_id"] for t in terms["contents"]} == {str(populations.pk)}


def test_taxonomy_terms_are_all_top_level(client, places):
    every = client.get("/api/hsds/taxonomy_terms").json()["total_items"]
    assert every == 23
    top = client.get("/api/hsds/taxonomy_terms", {"top_only": "true"}).json()
    assert top["total_items"] == every
    children = client.get(
        "/api/hsds/taxonomy_terms", {"parent_id": str(term("food").pk)}
    ).json()
    assert children["total_items"] == 0 and children["empty"]
    found = client.get("/api/hsds/taxonomy_terms", {"search": "legal"}).json()
    assert {t["code"] for t in found["contents"]} == {"legal_aid"}


def test_search_organization_and_modified_after(client, places):
    food = places[2]
    # The directory page's search and ranking: stems, synonyms, the start
    # of a word; the entry named so first, then the others (all three are
    # shelters, and offer "comida").
    for words in ("albergues", "shelter", "albe"):
        assert ranked(client, search=words)[0] == "Albergue"
    assert ranked(client, search="comedor")[0] == "Comedor"
    assert ranked(client, search="zzxq") == []
    assert names(client, "services", organization_id=str(food.organization_id)) == [
        "Comedor"
    ]
    Service.objects.exclude(pk=food.pk).update(
        updated_at=timezone.now() - timedelta(days=10)
    )
    yesterday = (timezone.now() - timedelta(days=1)).date().isoformat()
    assert names(client, "services", modified_after=yesterday) == ["Comedor"]
    assert names(client, "service_at_locations", modified_after=yesterday) == [
        "Comedor"
    ]
    assert names(client, "organizations", search=food.organization.name) == [
        food.organization.name
    ]


def test_state_and_municipality_extensions(client, places):
    assert names(client, "services", state="tabasco") == ["Comedor"]
    # The town of a confidential place is public.
    assert names(client, "services", municipality="Tapachula") == [
        "Albergue",
        "Refugio",
    ]
    assert names(client, "services", municipality="villahermosa") == ["Comedor"]
    root = client.get("/api/hsds/").json()
    assert set(root["extensions"]["parameters"]["/services"]) == {
        "state",
        "municipality",
    }
    response = client.get("/api/hsds/services", {"state": "yucatan"})
    assert response.status_code == 400 and response.json()["parameter"] == "state"


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("services", "sort"),
        ("services", "proximity"),
        ("taxonomies", "taxonomy_id"),
        ("organizations", "postcode"),
        ("taxonomy_terms", "full"),
        ("service_at_locations", "state"),
        ("", "page"),
    ],
)
def test_an_unsupported_parameter_answers_400_naming_it(client, places, url, parameter):
    response = client.get(f"/api/hsds/{url}", {parameter: "1"})
    assert response.status_code == 400
    data = response.json()
    assert data["parameter"] == parameter and repr(parameter) in data["error"]


def test_a_detail_answers_400_for_a_parameter_it_does_not_take(client, places):
    refuge = places[0]
    response = client.get(f"/api/hsds/services/{refuge.pk}", {"full": "true"})
    assert response.status_code == 400 and response.json()["parameter"] == "full"


@pytest.mark.parametrize(
    "query",
    [
        {"taxonomy_term_id": "nope"},
        {"organization_id": "1"},
        {"modified_after": "ayer"},
        {"page": "x"},
        {"per_page": "1.5"},
        {"full": "quizá"},
        {"minimal": "2"},
        {"format": "xml"},
    ],
)
def test_bad_values_answer_400_in_json(client, places, query):
    response = client.get("/api/hsds/services", query)
    assert response.status_code == 400
    assert response.json()["parameter"] == next(iter(query))


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_other_methods_answer_405_in_json(places, method):
    # As a real client: with CSRF checks, which would answer 403 in HTML.
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)("/api/hsds/services")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.json()["allowed"] == ["GET", "HEAD"]


def test_head_is_get_without_a_body(client, places):
    get = client.get("/api/hsds/services")
    head = client.head("/api/hsds/services")
    assert head.status_code == 200 and head.content == b""
    assert head["Content-Type"] == "application/json"
    assert int(head["Content-Length"]) == len(get.content)


@pytest.mark.parametrize(
    "url",
    [
        "/api/hsds/nothing",
        "/api/hsds/services/",
        "/api/hsds/services/x",
        # A line break in the address is still an address under the API.
        "/api/hsds/services/%0A",
        "/api/hsds/%0D%0Ax",
    ],
)
def test_unknown_addresses_answer_404_in_json_whatever_the_method(url):
    client = Client(enforce_csrf_checks=True)
    for response in (client.get(url), client.post(url), client.head(url)):
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
    assert client.get(url).json() == {"error": "not found"}


@pytest.mark.parametrize("kind", ["services", "locations", "organizations"])
def test_unknown_ids_answer_404_in_json(client, places, kind):
    response = client.get(f"/api/hsds/{kind}/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response.json() == {"error": "not found"}


def test_hidden_entries_are_not_found(client, places):
    draft = ServiceFactory(name="Borrador", live=False)
    assert client.get(f"/api/hsds/services/{draft.pk}").status_code == 404
    location = draft.locations()[0]
    assert client.get(f"/api/hsds/locations/{location.pk}").status_code == 404
    assert names(client, "services") == ["Albergue", "Comedor", "Refugio"]


@pytest.mark.parametrize(
    "value",
    [
        "2024-02-30",
        "2024-13-01",
        "2024-01-01T00:00:00+99:00",
        "2024-01-01T25:00:00",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-12:00",
        "0001-01-01",
        "9999-12-31",
    ],
)
@pytest.mark.parametrize("url", ["services", "service_at_locations"])
def test_impossible_modified_after_answers_400_in_json(client, places, url, value):
    response = client.get(f"/api/hsds/{url}", {"modified_after": value})
    assert response.status_code == 400
    data = response.json()
    assert data["parameter"] == "modified_after"
    assert "modified_after" in data["error"]


def test_modified_after_takes_the_widest_real_dates(client, places):
    assert len(names(client, "services", modified_after="1900-01-01")) == 3
    assert names(client, "services", modified_after="2999-12-31T23:59:59Z") == []


@pytest.mark.parametrize("url", ["services", "organizations", "taxonomies"])
def test_a_nul_in_search_answers_400_naming_it(client, places, url):
    response = client.get(f"/api/hsds/{url}", {"search": "alber\x00gue"})
    assert response.status_code == 400
    assert response.json()["parameter"] == "search"


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("services", "search"),
        ("services", "municipality"),
        ("organizations", "search"),
        ("taxonomies", "search"),
        ("taxonomy_terms", "search"),
        ("service_at_locations", "search"),
        ("service_at_locations", "postcode"),
    ],
)
@pytest.mark.postgres
def test_a_nul_never_reaches_postgresql(client, places, url, parameter):
    response = client.get(f"/api/hsds/{url}", {parameter: "a\x00b"})
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


@pytest.mark.parametrize("value", ["²", "\u0661", "9" * 5000])
def test_page_numbers_are_ascii_digits(client, places, value):
    response = client.get("/api/hsds/services", {"page": value})
    assert response.status_code == 400
    assert response.json()["parameter"] == "page"
