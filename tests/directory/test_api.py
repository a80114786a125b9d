"""The HSDS API: every response validates against the official compiled
schemas; filters, pagination and bad parameters; constant queries."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from directory.factories import (
    ContactFactory,
    PhoneFactory,
    RequiredDocumentFactory,
    ScheduleFactory,
    ServiceFactory,
    population,
    term,
)
from directory.generate import generate
from directory.models import Service, Taxonomy
from tests.directory.hsds_validation import validate, validate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def services():
    shelter = ServiceFactory(
        name="Albergue Belén",
        last_verified_at=timezone.now(),
        location__accessibility="Rampa en la entrada",
    )
    shelter.populations.set([population("families")])
    shelter.save()
    PhoneFactory(service=shelter, whatsapp=True)
    ScheduleFactory(service=shelter, notes="Cena a las 19:00")
    RequiredDocumentFactory(service=shelter)
    ContactFactory(service=shelter, email="privado@albergue.example")
    food = ServiceFactory(name="Comedor", types=["food"], status="full")
    closed = ServiceFactory(name="Clínica", types=["health"], open_24_hours=True)
    closed.set_status("temporarily_closed")
    ServiceFactory(name="Borrador", live=False)
    return shelter, food, closed


def test_services_list_validates_and_paginates(client, services):
    data = client.get("/api/hsds/services", {"per_page": 2}).json()
    validate_page(data, "service_list")
    assert (data["total_items"], data["total_pages"], data["size"]) == (3, 2, 2)
    assert data["first_page"] and not data["last_page"]
    names = [s["name"] for s in data["contents"]]
    assert names == ["Albergue Belén", "Clínica"]
    data = client.get("/api/hsds/services", {"per_page": 2, "page": 2}).json()
    assert [s["name"] for s in data["contents"]] == ["Comedor"]
    assert data["last_page"]
    assert data["contents"][0]["status"] == "active" and "alert" in data["contents"][0]
    data = client.get("/api/hsds/services", {"page": 9}).json()
    assert data["empty"] and data["contents"] == []


def test_service_detail_validates(client, services):
    shelter, _, closed = services
    for service in services:
        response = client.get(f"/api/hsds/services/{service.pk}")
        assert response.status_code == 200
        validate(response.json(), "service")
    data = client.get(f"/api/hsds/services/{shelter.pk}").json()
    assert data["phones"][0]["description"].endswith("WhatsApp")
    assert data["schedules"][0]["byday"] == "MO"
    assert {a["taxonomy_term"]["code"] for a in data["attributes"]} == {
        "shelter",
        "families",
    }
    assert "privado@albergue.example" not in str(data)
    assert (
        client.get(f"/api/hsds/services/{closed.pk}").json()["status"]
        == "temporarily closed"
    )


def test_filters(client, services):
    food = services[1]
    data = client.get(
        "/api/hsds/services", {"taxonomy_term_id": str(term("food").pk)}
    ).json()
    assert [s["name"] for s in data["contents"]] == ["Comedor"]
    data = client.get("/api/hsds/services", {"search": "belén"}).json()
    assert [s["name"] for s in data["contents"]] == ["Albergue Belén"]
    data = client.get(
        "/api/hsds/services", {"organization_id": str(food.organization_id)}
    ).json()
    assert [s["name"] for s in data["contents"]] == ["Comedor"]
    Service.objects.exclude(pk=food.pk).update(
        updated_at=timezone.now() - timedelta(days=10)
    )
    data = client.get(
        "/api/hsds/services",
        {"modified_after": (timezone.now() - timedelta(days=1)).date().isoformat()},
    ).json()
    assert [s["name"] for s in data["contents"]] == ["Comedor"]
    populations = Taxonomy.objects.get(key="population")
    data = client.get("/api/hsds/services", {"taxonomy_id": str(populations.pk)}).json()
    assert [s["name"] for s in data["contents"]] == ["Albergue Belén"]


@pytest.mark.parametrize(
    "query",
    [
        {"taxonomy_term_id": "nope"},
        {"organization_id": "1"},
        {"modified_after": "ayer"},
        {"page": "x"},
        {"per_page": "1.5"},
    ],
)
def test_bad_parameters_answer_400_in_json(client, services, query):
    response = client.get("/api/hsds/services", query)
    assert response.status_code == 400 and "error" in response.json()


def test_unknown_or_hidden_entries_are_404(client, services):
    hidden = Service.objects.get(name="Borrador")
    assert client.get(f"/api/hsds/services/{hidden.pk}").status_code == 404
    assert (
        client.get(
            "/api/hsds/organizations/00000000-0000-0000-0000-000000000000"
        ).status_code
        == 404
    )
    assert client.post("/api/hsds/services").status_code == 405


def test_organizations_service_at_locations_and_taxonomies_validate(client, services):
    shelter = services[0]
    data = client.get("/api/hsds/organizations").json()
    validate_page(data, "organization_list")
    assert data["total_items"] == 3
    data = client.get(f"/api/hsds/organizations/{shelter.organization_id}").json()
    validate(data, "organization")
    assert [s["name"] for s in data["services"]] == ["Albergue Belén"]

    data = client.get("/api/hsds/service_at_locations").json()
    validate_page(data, "service_at_location")
    sal = shelter.service_at_locations.get()
    validate(
        client.get(f"/api/hsds/service_at_locations/{sal.pk}").json(),
        "service_at_location",
    )

    data = client.get("/api/hsds/taxonomies").json()
    validate_page(data, "taxonomy")
    taxonomy = data["contents"][0]["id"]
    validate(client.get(f"/api/hsds/taxonomies/{taxonomy}").json(), "taxonomy")
    data = client.get("/api/hsds/taxonomy_terms", {"per_page": 100}).json()
    validate_page(data, "taxonomy_term")
    assert data["total_items"] == 23
    validate(
        client.get(f"/api/hsds/taxonomy_terms/{term('legal_aid').pk}").json(),
        "taxonomy_term",
    )


@pytest.mark.parametrize(
    "url",
    ["/api/hsds/services", "/api/hsds/organizations", "/api/hsds/service_at_locations"],
)
def test_list_queries_do_not_grow(client, url, django_assert_num_queries):
    generate(10)
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    generate(990)
    with django_assert_num_queries(len(few)):
        client.get(url)
