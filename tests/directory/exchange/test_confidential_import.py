"""Re-imports never weaken confidentiality: a partner's file (HSDS has no
such field) never makes a confidential place public nor writes its address,
coordinates or description into it. Only the portal's own extension
(``convivir.confidential: false``), in an import run by a user allowed to
publish a confidential address, lifts the flag, and that is audit-logged."""

from django.core.management import CommandError

from wagtail.models import ModelLogEntry

import pytest

from directory.factories import LocationFactory, PhoneFactory, ServiceFactory
from directory.models import Location
from tests.directory.exchange.helpers import export, only_location, rewrite, run

pytestmark = pytest.mark.django_db

STREET = "Privada de las Jacarandas 4417"
NEW_STREET = "Calle del Mercado 90"
SECRETS = [
    STREET,
    NEW_STREET,
    "14.917283",
    "14.92",
    "Casa azul",
    "Bajar en",
    "Casa Mariposa",
    "Casa nueva",
    "timbre",
    "Pasar por",
]


@pytest.fixture
def place(directory_page):
    location = LocationFactory(
        name="Casa Mariposa junto al mercado",
        municipality="Tapachula",
        address_1=STREET,
        latitude="14.917283",
        longitude="-92.251977",
        description="Casa azul de dos pisos",
    )
    service = ServiceFactory(
        name="Refugio Mariposa",
        slug="refugio-mariposa",
        organization=location.organization,
        location=location,
    )
    service.service_at_locations.update(description="Tocar el timbre de la tienda")
    PhoneFactory(service=service, whatsapp=True)
    return location


def _mark_confidential(location):
    """What a moderator does in the admin: tick "confidential"."""
    location.refresh_from_db()
    location.is_confidential = True
    location.save()


def _partner_edits(location: dict):
    location["name"] = "Casa nueva"
    location["addresses"][0]["address_1"] = NEW_STREET
    location["latitude"], location["longitude"] = 14.92, -92.25
    location["description"] = "Casa azul, segunda puerta"
    location["transportation"] = "Bajar en el mercado"


def _assert_hidden(client, location):
    service = location.service_at_locations.get().service
    for url in (
        "/es/buscar-ayuda/servicio/refugio-mariposa/",
        f"/api/hsds/services/{service.pk}",
        f"/api/hsds/organizations/{location.organization_id}",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        for secret in SECRETS:
            assert secret not in response.content.decode(), (secret, url)


def test_importing_the_same_file_again_keeps_a_place_confidential(
    client, place, tmp_path
):
    export(tmp_path)
    _mark_confidential(place)
    output = run("import_hsds", str(tmp_path))
    assert f"location {place.pk} stays confidential" in output
    place.refresh_from_db()
    assert place.is_confidential
    assert place.address_1 == STREET
    _assert_hidden(client, place)


def test_a_partners_file_writes_no_address_into_a_confidential_place(
    client, place, tmp_path
):
    services = export(tmp_path)
    _mark_confidential(place)
    _partner_edits(only_location(services))
    services[0]["name"] = "Refugio Mariposa (nuevo nombre)"
    services[0]["service_at_locations"][0]["description"] = "Pasar por la tienda"
    del only_location(services)["convivir"]  # a file from another tool
    rewrite(tmp_path, services)
    run("import_hsds", str(tmp_path))
    place.refresh_from_db()
    assert place.is_confidential
    assert (place.address_1, str(place.latitude)) == (STREET, "14.917283")
    assert place.description == "Casa azul de dos pisos"
    assert place.transportation == ""
    assert place.name == "Casa Mariposa junto al mercado"
    sal = place.service_at_locations.get()
    assert sal.description == "Tocar el timbre de la tienda"
    # The rest of the entry is imported.
    assert place.service_at_locations.get().service.name.endswith("(nuevo nombre)")
    _assert_hidden(client, place)


def test_the_file_may_mark_a_place_confidential(client, place, tmp_path):
    services = export(tmp_path)
    location = only_location(services)
    _partner_edits(location)
    location["convivir"]["confidential"] = True
    rewrite(tmp_path, services)
    run("import_hsds", str(tmp_path))
    place.refresh_from_db()
    assert place.is_confidential
    assert place.address_1 == STREET  # the file's new address is not written
    _assert_hidden(client, place)


@pytest.mark.parametrize("username", [None, "edith"])
def test_no_import_without_the_permission_lifts_the_flag(
    place, tmp_path, editor, username
):
    export(tmp_path)
    _mark_confidential(place)
    args = ["--user", username] if username else []
    run("import_hsds", str(tmp_path), *args)
    assert Location.objects.get(pk=place.pk).is_confidential
    assert not ModelLogEntry.objects.filter(
        action="directory.release_location"
    ).exists()


def test_a_moderators_import_releases_with_the_extension_and_logs_it(
    place, tmp_path, moderator
):
    services = export(tmp_path)
    _mark_confidential(place)
    _partner_edits(only_location(services))
    rewrite(tmp_path, services)
    assert only_location(services)["convivir"] == {"confidential": False}
    run("import_hsds", str(tmp_path), "--user", "mona")
    place.refresh_from_db()
    assert not place.is_confidential
    assert place.address_1 == NEW_STREET
    entry = ModelLogEntry.objects.get(action="directory.release_location")
    assert entry.user_id == moderator.pk
    assert entry.object_id == str(place.organization_id)
    assert entry.data["location"] == str(place.pk)


def test_a_moderators_import_without_the_extension_keeps_the_flag(
    place, tmp_path, moderator
):
    services = export(tmp_path)
    _mark_confidential(place)
    del only_location(services)["convivir"]
    rewrite(tmp_path, services)
    run("import_hsds", str(tmp_path), "--user", "mona")
    assert Location.objects.get(pk=place.pk).is_confidential


def test_an_unknown_user_imports_nothing(place, tmp_path):
    export(tmp_path)
    with pytest.raises(CommandError, match="no user 'nadie'"):
        run("import_hsds", str(tmp_path), "--user", "nadie")
