"""A confidential location's address and coordinates never appear in any
public output: pages in both languages (service, organisation, town,
printable sheet, home), JSON-LD, the sitemap, every API list and detail, and
the data package exported without ``--include-confidential``."""

import io
import json

from django.core.management import call_command

import pytest

from directory.factories import LocationFactory, PhoneFactory, ServiceFactory

pytestmark = pytest.mark.django_db

SECRET_STREET = "Privada de las Jacarandas 4417"
SECRET_NEIGHBOURHOOD = "Colonia Quinta Escondida"
SECRET_POSTCODE = "30799"
SECRET_LATITUDE = "14.917283"
SECRET_LONGITUDE = "-92.251977"
SECRETS = [
    SECRET_STREET,
    SECRET_NEIGHBOURHOOD,
    SECRET_POSTCODE,
    "14.917283",
    "14.91728",
    "92.251977",
    "92.25197",
]


@pytest.fixture
def refuge(directory_page_en):
    location = LocationFactory(
        name="Casa Mariposa",
        is_confidential=True,
        address_1=SECRET_STREET,
        address_2=SECRET_NEIGHBOURHOOD,
        postal_code=SECRET_POSTCODE,
        latitude=SECRET_LATITUDE,
        longitude=SECRET_LONGITUDE,
        municipality="Tapachula",
    )
    service = ServiceFactory(
        name="Refugio Mariposa",
        slug="refugio-mariposa",
        organization=location.organization,
        types=["trafficking", "shelter"],
        location=location,
    )
    PhoneFactory(service=service, number="+52 962 555 0777", whatsapp=True)
    # A public neighbour in the same town, so the town pages list both.
    ServiceFactory(name="Comedor Público", location__municipality="Tapachula")
    return service


def public_urls(service) -> list[str]:
    organization = service.organization.slug
    sal = service.service_at_locations.get()
    urls = ["/sitemap.xml"]
    for base in ("/es/buscar-ayuda/", "/en/find-help/"):
        urls += [
            base,
            f"{base}?tipo=trafficking",
            f"{base}?municipio=tapachula",
            f"{base}servicio/{service.slug}/",
            f"{base}organizacion/{organization}/",
            f"{base}municipio/tapachula/",
            f"{base}municipio/tapachula/imprimir/",
        ]
    api = "/api/hsds/"
    urls += [
        f"{api}services",
        f"{api}services?full=true",
        f"{api}services/{service.pk}",
        f"{api}organizations",
        f"{api}organizations/{service.organization_id}",
        f"{api}service_at_locations",
        f"{api}service_at_locations/{sal.pk}",
    ]
    return urls


def assert_no_secret(text: str, where: str):
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} found in {where}"


def test_no_public_output_reveals_a_confidential_address(client, refuge):
    for url in public_urls(refuge):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_secret(response.content.decode(), url)


def test_the_service_page_gives_town_and_contact_route(client, refuge):
    html = client.get("/es/buscar-ayuda/servicio/refugio-mariposa/").content.decode()
    assert "Tapachula" in html
    assert "la dirección se da por teléfono" in html
    assert 'href="tel:+529625550777"' in html and "wa.me/529625550777" in html
    assert "openstreetmap" not in html
    html = client.get("/en/find-help/servicio/refugio-mariposa/").content.decode()
    assert "the address is given by phone" in html


def test_the_public_export_leaves_it_out(refuge, tmp_path):
    call_command("export_hsds", str(tmp_path / "package"), stdout=io.StringIO())
    for path in (tmp_path / "package").iterdir():
        assert_no_secret(path.read_text(), path.name)
    call_command(
        "export_hsds",
        str(tmp_path / "internal"),
        "--include-confidential",
        stdout=io.StringIO(),
    )
    services = json.loads((tmp_path / "internal" / "services.json").read_text())
    assert SECRET_STREET in json.dumps(services, ensure_ascii=False)
