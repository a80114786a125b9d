"""The HSDS API: every endpoint's response validates against the official
schemas with format checking on; the fields HSDS carries and the portal's
``convivir`` object; stable derived ids; pagination; constant queries."""

import json
import uuid
from datetime import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

import jsonschema
import pytest

from directory import hsds
from directory.exchange import parse
from directory.factories import (
    ContactFactory,
    LocationFactory,
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

SECRET_STREET = "Callejón del Silencio 12"
SECRET_POSTCODE = "30799"


def uuid5(kind, parent, key) -> str:
    return str(uuid.uuid5(hsds.NAMESPACE, f"{kind}:{parent}:{key}"))


@pytest.fixture
def services():
    """A shelter with every field HSDS carries, a 24-hour refuge at a
    confidential place, a full soup kitchen, a closed clinic and a draft."""
    shelter = ServiceFactory(
        name="Albergue Belén",
        alternate_name="Bethlehem Shelter",
        description_en="Beds, meals and advice.",
        eligibility_description="Personas migrantes",
        eligibility_description_en="Migrants",
        alert="Cerrado el 24 de diciembre.",
        minimum_age=18,
        maximum_age=99,
        interpretation_services="Intérprete de tsotsil los lunes",
        email="contacto@belen.example",
        url="https://belen.example/albergue",
        languages=["es", "tzo"],
        location__accessibility="Rampa en la entrada",
    )
    shelter.populations.set([population("families")])
    shelter.save()
    PhoneFactory(
        service=shelter, whatsapp=True, kind="cell", extension="12", description="Día"
    )
    ScheduleFactory(
        service=shelter,
        opens_at=time(9),
        closes_at=time(17),
        notes="Cena a las 19:00",
        description="Cerrado en días festivos",
    )
    RequiredDocumentFactory(service=shelter)
    ContactFactory(service=shelter, email="privado@albergue.example", language="en")
    shelter.mark_verified(name="Hermana Lupita")
    secret = LocationFactory(
        is_confidential=True,
        address_1=SECRET_STREET,
        postal_code=SECRET_POSTCODE,
        latitude="14.950000",
        longitude="-92.300000",
    )
    refuge = ServiceFactory(
        name="Refugio",
        organization=secret.organization,
        location=secret,
        open_24_hours=True,
        types=["trafficking"],
    )
    food = ServiceFactory(name="Comedor", types=["food"], status="full")
    closed = ServiceFactory(name="Clínica", types=["health"])
    closed.set_status("temporarily_closed")
    ServiceFactory(name="Borrador", live=False)
    return shelter, refuge, food, closed


def test_every_endpoint_validates_with_formats_checked(client, services):
    def get(url, **params):
        response = client.get(f"/api/hsds/{url}", params)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "application/json"
        return response.json()

    validate(get(""), "root")
    data = get("services")
    validate_page(data, "service_list")
    assert data["total_items"] == 4
    validate_page(get("services", full="true"), "service")
    for service in services:
        validate(get(f"services/{service.pk}"), "service")

    validate_page(get("organizations"), "organization_list")
    validate_page(get("organizations", full="true"), "organization")
    validate_page(get("organizations", full_service="true"), "organization")
    for service in services:
        validate(get(f"organizations/{service.organization_id}"), "organization")
        detail = get(f"organizations/{service.organization_id}", full_service="true")
        validate(detail, "organization")

    validate_page(get("service_at_locations"), "service_at_location_list")
    validate_page(get("service_at_locations", full="true"), "service_at_location")
    for service in services:
        sal = service.service_at_locations.get()
        validate(get(f"service_at_locations/{sal.pk}"), "service_at_location")

    data = get("locations")
    validate_page(data, "location")
    assert data["total_items"] == 4
    for service in services:
        validate(get(f"locations/{service.locations()[0].pk}"), "location")

    data = get("taxonomies")
    validate_page(data, "taxonomy")
    for item in data["contents"]:
        validate(get(f"taxonomies/{item['id']}"), "taxonomy")
    data = get("taxonomy_terms", per_page=100)
    validate_page(data, "taxonomy_term")
    assert data["total_items"] == 23
    for item in data["contents"]:
        validate(get(f"taxonomy_terms/{item['id']}"), "taxonomy_term")


@pytest.mark.parametrize(
    ("field", "value", "schema"),
    [
        ("id", "Albergue-1", "service"),
        ("last_modified", "yesterday", "service"),
        ("assured_date", "31/12/2025", "service"),
        ("url", "belen example", "service"),
        ("email", "nadie", "service"),
        ("website", "no es una dirección", "organization_list"),
    ],
)
def test_validation_checks_formats(services, field, value, schema):
    data = {"id": str(uuid.uuid4()), "name": "x", "status": "active"}
    data["description"] = "x"
    validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        validate({**data, field: value}, schema)


def test_a_service_carries_the_hsds_fields_and_the_extension(client, services):
    shelter = services[0]
    data = client.get(f"/api/hsds/services/{shelter.pk}").json()
    assert data["alternate_name"] == "Bethlehem Shelter"
    assert data["alert"] == "Cerrado el 24 de diciembre."
    assert (data["minimum_age"], data["maximum_age"]) == (18, 99)
    assert data["interpretation_services"] == "Intérprete de tsotsil los lunes"
    assert data["assured_date"] == shelter.last_verified_at.date().isoformat()
    # Confirmed by the shelter's own contact: the shelter's public address,
    # never the contact's private one.
    assert data["assurer_email"] == "contacto@belen.example"
    assert "privado@albergue.example" not in str(data)
    assert "Hermana Lupita" not in str(data)
    (phone,) = data["phones"]
    assert (phone["type"], phone["extension"]) == ("cell", 12)
    assert phone["description"] == "Día WhatsApp"
    assert phone["convivir"] == {"whatsapp": True}
    (schedule,) = data["schedules"]
    assert (schedule["byday"], schedule["opens_at"], schedule["closes_at"]) == (
        "MO",
        "09:00",
        "17:00",
    )
    assert schedule["description"] == "Cerrado en días festivos"
    assert schedule["notes"] == "Cena a las 19:00"
    assert schedule["timezone"] == -6
    assert [(lang["code"], lang["name"]) for lang in data["languages"]] == [
        ("es", "Spanish"),
        ("tzo", "Tsotsil"),
    ]
    extension = data["convivir"]
    assert extension["slug"] == shelter.slug and extension["status"] == "open"
    assert extension["text_en"] == {
        "description": "Beds, meals and advice.",
        "eligibility_description": "Migrants",
    }
    assert "contacts" not in data


@pytest.mark.parametrize("extension", ["²", "١٢", "-3", "12#"])
def test_an_extension_in_other_digits_goes_with_the_description(
    client, services, extension
):
    shelter = services[0]
    shelter.phones.update(extension=extension)
    response = client.get(f"/api/hsds/services/{shelter.pk}")
    assert response.status_code == 200
    (phone,) = response.json()["phones"]
    assert "extension" not in phone
    assert phone["description"] == f"Día ext. {extension} WhatsApp"


def test_a_full_service_is_active_with_an_alert(client, services):
    food = services[2]
    data = client.get(f"/api/hsds/services/{food.pk}").json()
    assert data["status"] == "active" and data["alert"] == hsds.FULL_ALERT
    assert data["convivir"]["status"] == "full"
    closed = client.get(f"/api/hsds/services/{services[3].pk}").json()
    assert closed["status"] == "temporarily closed"


def test_open_24_hours_is_one_weekly_schedule(client, services):
    refuge = services[1]
    data = client.get(f"/api/hsds/services/{refuge.pk}").json()
    assert data["schedules"] == [
        {
            "id": uuid5("schedule", refuge.pk, "24h"),
            "service_id": str(refuge.pk),
            "timezone": -6,
            "freq": "WEEKLY",
            "interval": 1,
            "byday": "MO,TU,WE,TH,FR,SA,SU",
            "opens_at": "00:00",
            "closes_at": "23:59",
            "description": "Open 24 hours",
        }
    ]


def test_derived_records_have_stable_uuids(client, services):
    shelter = services[0]
    location = shelter.locations()[0]
    first = client.get(f"/api/hsds/services/{shelter.pk}").json()
    again = client.get(f"/api/hsds/services/{shelter.pk}").json()
    assert first == again
    place = first["service_at_locations"][0]["location"]
    assert place["addresses"][0]["id"] == uuid5("address", location.pk, "physical")
    assert place["accessibility"][0]["id"] == uuid5("accessibility", location.pk, 0)
    assert [lang["id"] for lang in first["languages"]] == [
        uuid5("language", shelter.pk, "es"),
        uuid5("language", shelter.pk, "tzo"),
    ]
    assert {a["id"] for a in first["attributes"]} == {
        uuid5("attribute", shelter.pk, term("shelter").pk),
        uuid5("attribute", shelter.pk, population("families").pk),
    }


def test_the_importer_derives_ids_in_the_same_namespace():
    assert parse.NAMESPACE == hsds.NAMESPACE
    assert str(hsds.NAMESPACE) == "5d0c9a4e-61f3-4f0e-9b43-0f7f2b1a8c21"


def test_a_confidential_location_is_its_town_alone(client, services):
    refuge = services[1]
    location = refuge.locations()[0]
    data = client.get(f"/api/hsds/locations/{location.pk}").json()
    assert set(data) == {"id", "location_type", "organization_id", "addresses"}
    assert data["addresses"][0]["city"] == "Tapachula"
    listed = client.get("/api/hsds/locations").content.decode()
    detail = client.get(f"/api/hsds/services/{refuge.pk}").content.decode()
    for text in (listed, detail):
        assert SECRET_STREET not in text and SECRET_POSTCODE not in text
        assert "14.95" not in text


def test_services_list_paginates(client, services):
    data = client.get("/api/hsds/services", {"per_page": 3}).json()
    assert (data["total_items"], data["total_pages"], data["size"]) == (4, 2, 3)
    assert data["first_page"] and not data["last_page"]
    assert data["page_number"] == 1
    names = [s["name"] for s in data["contents"]]
    assert names == ["Albergue Belén", "Clínica", "Comedor"]
    data = client.get("/api/hsds/services", {"per_page": 3, "page": 2}).json()
    assert [s["name"] for s in data["contents"]] == ["Refugio"]
    assert data["last_page"] and not data["first_page"]
    data = client.get("/api/hsds/services", {"page": 9}).json()
    assert data["empty"] and data["contents"] == [] and data["page_number"] == 9


def test_minimal_lists_ids_and_modification_times(client, services):
    data = client.get("/api/hsds/services", {"minimal": "true"}).json()
    assert data["total_items"] == 4
    by_id = {item["id"]: item for item in data["contents"]}
    shelter = Service.objects.get(pk=services[0].pk)
    assert by_id[str(shelter.pk)] == {
        "id": str(shelter.pk),
        "last_modified": hsds.iso(shelter.updated_at),
    }


def test_ndjson_streams_every_result(client, services):
    response = client.get("/api/hsds/services", {"format": "ndjson", "per_page": 1})
    assert response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["name"] for r in records] == [
        "Albergue Belén",
        "Clínica",
        "Comedor",
        "Refugio",
    ]
    for record in records:
        validate(record, "service_list")


def test_organizations_and_taxonomies(client, services):
    shelter = services[0]
    data = client.get("/api/hsds/organizations").json()
    assert data["total_items"] == 4
    data = client.get(f"/api/hsds/organizations/{shelter.organization_id}").json()
    assert [s["name"] for s in data["services"]] == ["Albergue Belén"]
    assert "phones" not in data["services"][0]
    data = client.get(
        f"/api/hsds/organizations/{shelter.organization_id}", {"full_service": "true"}
    ).json()
    assert data["services"][0]["phones"][0]["type"] == "cell"
    populations = Taxonomy.objects.get(key="population")
    data = client.get(
        "/api/hsds/taxonomy_terms", {"taxonomy_id": str(populations.pk)}
    ).json()
    assert {t["taxonomy_id"] for t in data["contents"]} == {str(populations.pk)}


LISTS = [
    "/api/hsds/services",
    "/api/hsds/services?full=true",
    "/api/hsds/organizations",
    "/api/hsds/organizations?full_service=true",
    "/api/hsds/service_at_locations",
    "/api/hsds/service_at_locations?full=true",
    "/api/hsds/locations",
]


@pytest.mark.parametrize("url", LISTS)
def test_list_queries_do_not_grow(client, url, django_assert_num_queries):
    generate(10)
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    generate(490)
    with django_assert_num_queries(len(few)):
        client.get(url)


def test_the_demo_validates_page_by_page(demo_site, client):
    """The demo's forty entries, written by hand like real ones: every
    page of every list and every service validates, formats checked."""
    for url, schema in [
        ("services", "service_list"),
        ("services?full=true", "service"),
        ("organizations?full_service=true", "organization"),
        ("service_at_locations", "service_at_location_list"),
        ("locations", "location"),
    ]:
        separator = "&" if "?" in url else "?"
        data = client.get(f"/api/hsds/{url}{separator}per_page=200").json()
        assert data["size"] == data["total_items"] >= 20 and data["last_page"]
        validate_page(data, schema)
