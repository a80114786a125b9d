"""The official HSDS 3.0 examples import as they are: their values land
field by field, and what the directory cannot keep (a state and country
outside the corridor, impossible coordinates, placeholder terms, fields it
has no place for) is in the report."""

import json
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from directory.exchange import import_path
from directory.models import Organization, Service

pytestmark = pytest.mark.django_db

EXAMPLES = Path("/work/shared/data/hsds-3.0/examples")
SERVICE = "ac148810-d857-441c-9679-408f346de14b"
EXAMPLE = json.loads((EXAMPLES / "service_full.json").read_text())
PHONE_DESCRIPTION = EXAMPLE["phones"][0]["description"]
SCHEDULE = EXAMPLE["schedules"][0]


def _service() -> Service:
    return Service.objects.get(pk=SERVICE)


def test_service_full_lands_field_by_field():
    report = import_path(EXAMPLES / "service_full.json")
    assert report.lines() == [] and report.created == 1
    service = _service()
    assert {
        name: getattr(service, name)
        for name in (
            "name",
            "alternate_name",
            "description",
            "url",
            "email",
            "status",
            "alert",
            "interpretation_services",
            "application_process",
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "is_free",
            "fees_description",
            "languages",
            "last_verified_at",
            "verified_by_name",
            "open_24_hours",
        )
    } == {
        "name": "Community Counselling",
        "alternate_name": "MyCity Counselling Services",
        "description": EXAMPLE["description"].strip(),
        "url": "http://example.com/counselling",
        "email": "email@example.com",
        "status": "open",
        "alert": EXAMPLE["alert"],
        "interpretation_services": "Interpretation services are available in "
        "Urdu, Polish, and Slovak",
        "application_process": EXAMPLE["application_process"],
        "eligibility_description": EXAMPLE["eligibility_description"],
        "minimum_age": 12,
        "maximum_age": 100,
        "is_free": False,
        "fees_description": EXAMPLE["fees_description"]
        + "\nUnder 18s and Over 60s: 35 GBP per 1 hour session",
        "languages": ["ur"],
        "last_verified_at": datetime(
            2005, 1, 1, tzinfo=ZoneInfo("America/Mexico_City")
        ),
        "verified_by_name": "email@example.com",
        "open_24_hours": False,
    }
    organization = service.organization
    assert (
        str(organization.id),
        organization.name,
        organization.alternate_name,
        organization.email,
        organization.website,
    ) == (
        "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
        "Example Organization Inc.",
        "Example Org",
        "email@example.com",
        "http://example.com",
    )
    # The same phone, repeated on the place, is one phone, its quotes gone.
    assert [
        (str(p.id), p.number, p.extension, p.kind, p.description, p.whatsapp)
        for p in service.phones.all()
    ] == [
        (
            "1554f2e2-a373-45db-a3fa-9fc48a61c15e",
            "+441234234567",
            "100",
            "voice",
            PHONE_DESCRIPTION,
            False,
        )
    ]
    assert sorted(
        (s.weekday, s.opens_at, s.closes_at, s.notes, s.description)
        for s in service.schedules.all()
    ) == [
        (day, time(10), time(18), SCHEDULE["notes"], SCHEDULE["description"])
        for day in (3, 4)
    ]
    sal = service.service_at_locations.get()
    location = sal.location
    assert str(sal.id) == "e94c9f38-1e8f-4564-91d4-d53501ab1765"
    assert sal.description == EXAMPLE["service_at_locations"][0]["description"]
    assert {
        name: getattr(location, name)
        for name in (
            "name",
            "address_1",
            "address_2",
            "postal_code",
            "municipality",
            "state",
            "latitude",
            "longitude",
            "is_confidential",
        )
    } == {
        "name": "MyCity Civic Center",
        "address_1": "1-30 Main Street",
        "address_2": "MyVillage",
        "postal_code": "ABC 1234",
        "municipality": "MyCity",
        "state": "",
        "latitude": None,
        "longitude": None,
        "is_confidential": False,
    }
    assert location.transportation.startswith("MyCity Civic Center is serviced by")
    assert location.accessibility == (
        "The building is equipped with induction loops for hearing aids. "
        "Wheelchair access is possible on all levels.\n"
        "Switch hearing aid to T-coil to access the induction loop facility."
    )
    # Longer than the directory's 200 characters: cut, and reported.
    assert [d.document for d in service.required_documents.all()] == [
        EXAMPLE["required_documents"][0]["document"][:200]
    ]
    assert (
        "row 1: required_documents.document is longer than 200 characters; it is "
        "cut to 200 (service " + SERVICE + ' "Community Counselling"; field '
        "required_documents.document; found: 279 characters; accepted: up to 200 "
        "characters)"
    ) in report.warning_lines()
    assert [(c.name, c.title, c.email) for c in service.contacts.all()] == [
        ("Ann Persona", "Reception Manager", "email@example.com")
    ]
    assert not service.service_types.exists() and not service.populations.exists()


def test_service_full_report_says_what_was_left_out():
    warnings = "\n".join(import_path(EXAMPLES / "service_full.json").warning_lines())
    assert (
        "row 1: unknown state 'MyState'; location \"MyCity Civic Center\" is "
        "imported with no state (service " + SERVICE + ' "Community Counselling"; '
        "field state_province; found: MyState; accepted: Chiapas, Oaxaca or "
        "Tabasco (or Chis., CHP, Oax., Tab.))"
    ) in warnings
    assert 'location "MyCity Civic Center" is outside Mexico' in warnings
    assert "invalid latitude 100;" in warnings
    assert (
        "unknown taxonomy term 'code' \"name\": the service is imported without it"
        in warnings
    )
    for field in (
        "wait_time",
        "accreditations",
        "licenses",
        "service_areas",
        "funding",
        "program",
        "schedules.byweekno",
        "organization.tax_status",
    ):
        line = f"field {field} (1 row): the directory does not keep it"
        assert line + "; it was not imported" in warnings


def test_service_list_page_imports_its_contents():
    report = import_path(EXAMPLES / "service_list.json")
    assert report.lines() == [] and report.created == 1
    service = _service()
    assert (service.name, service.minimum_age, service.organization.name) == (
        "Community Counselling",
        12,
        "Example Organization Inc.",
    )
    assert not service.service_at_locations.exists()


def test_service_at_location_imports_as_its_service_there():
    report = import_path(EXAMPLES / "service_at_location_full.json")
    assert report.lines() == [] and report.created == 1
    sal = _service().service_at_locations.get()
    assert (str(sal.id), str(sal.location_id), sal.location.municipality) == (
        "e94c9f38-1e8f-4564-91d4-d53501ab1765",
        "3a19ff88-4620-4d17-9830-ac1d859eb5d5",
        "MyCity",
    )
    assert _service().schedules.count() == 2


def test_organization_imports_with_its_services():
    report = import_path(EXAMPLES / "organization_full.json")
    assert report.lines() == [] and report.created == 1
    organization = Organization.objects.get()
    assert (organization.name, organization.description) == (
        "Example Organization Inc.",
        "Example Org is a non-profit organization dedicated to providing "
        "services to qualified beneficiaries",
    )
    assert _service().organization == organization
