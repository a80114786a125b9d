"""A confidential location shows the public its town and state, nothing
else: not its address, coordinates, name or the free text written about it
(description, transport, accessibility, notes of the service's place). Every
public output goes through one whitelist (:func:`convivir.places.public_place`):
pages in both languages (service, organisation, town, printable sheet, home),
JSON-LD, the sitemap, every API list and detail, and the data package
exported without ``--include-confidential``. The key-set tests fail as soon
as an output shows a fact the whitelist does not name."""

import io
import json

from django.core.management import call_command

import pytest

from directory.factories import LocationFactory, PhoneFactory, ServiceFactory
from directory.models import DirectoryIndexPage

pytestmark = pytest.mark.django_db

SECRET_STREET = "Privada de las Jacarandas 4417"
SECRET_NEIGHBOURHOOD = "Colonia Quinta Escondida"
SECRET_POSTCODE = "30799"
SECRET_LATITUDE = "14.917283"
SECRET_LONGITUDE = "-92.251977"
SECRET_NAME = "Casa Mariposa junto al mercado"
SECRET_DESCRIPTION = "La casa azul de dos pisos"
SECRET_TRANSPORT = "Bajar frente a la iglesia de San Agustín"
SECRET_ACCESS = "Rampa por el portón trasero del taller"
SECRET_NOTE = "Tocar el timbre de la tienda Lupita"
SECRETS = [
    SECRET_STREET,
    SECRET_NEIGHBOURHOOD,
    SECRET_POSTCODE,
    SECRET_NAME,
    SECRET_DESCRIPTION,
    SECRET_TRANSPORT,
    SECRET_ACCESS,
    SECRET_NOTE,
    "14.917283",
    "14.91728",
    "92.251977",
    "92.25197",
]


@pytest.fixture
def refuge(directory_page_en):
    location = LocationFactory(
        name=SECRET_NAME,
        description=SECRET_DESCRIPTION,
        transportation=SECRET_TRANSPORT,
        accessibility=SECRET_ACCESS,
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
    service.service_at_locations.update(description=SECRET_NOTE)
    PhoneFactory(service=service, number="+52 962 555 0777", whatsapp=True)
    # A public neighbour in the same town, so the town pages list both.
    ServiceFactory(name="Comedor Público", location__municipality="Tapachula")
    return service


def public_urls(service) -> list[str]:
    organization = service.organization.slug
    sal = service.service_at_locations.get()
    urls = ["/sitemap.xml"]
    for page in DirectoryIndexPage.objects.live().order_by("pk"):
        urls += [
            page.url,
            f"{page.url}?tipo=trafficking",
            f"{page.url}?municipio=tapachula",
            page.route_url("service", slug=service.slug),
            page.route_url("organization", slug=organization),
            page.route_url("town", slug="tapachula"),
            page.route_url("town_sheet", slug="tapachula"),
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
    urls = public_urls(refuge)
    assert "/en/find-help/service/refugio-mariposa/" in urls
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_secret(response.getvalue().decode(), url)


def test_the_service_page_gives_town_and_contact_route(client, refuge):
    html = client.get("/es/buscar-ayuda/servicio/refugio-mariposa/").getvalue().decode()
    assert "Tapachula" in html
    assert "la dirección se da por teléfono" in html
    assert 'href="tel:+529625550777"' in html and "wa.me/529625550777" in html
    assert "openstreetmap" not in html
    html = client.get("/en/find-help/service/refugio-mariposa/").getvalue().decode()
    assert "the address is given by phone" in html


def test_the_public_export_leaves_it_out(refuge, editor, tmp_path):
    call_command("export_hsds", str(tmp_path / "package"), stdout=io.StringIO())
    for path in (tmp_path / "package").iterdir():
        assert_no_secret(path.read_text(), path.name)
    call_command(
        "export_hsds",
        str(tmp_path / "internal"),
        "--include-confidential",
        "--user",
        editor.username,
        stdout=io.StringIO(),
    )
    services = json.loads((tmp_path / "internal" / "services.json").read_text())
    assert SECRET_STREET in json.dumps(services, ensure_ascii=False)


# --- The exact facts each output shows of a confidential location ----------------

TOWN_ONLY = {"confidential", "municipality", "state", "state_name"}
HSDS_LOCATION_KEYS = {"id", "location_type", "organization_id", "addresses"}
HSDS_ADDRESS_KEYS = {
    "id",
    "location_id",
    "address_1",
    "postal_code",
    "city",
    "state_province",
    "country",
    "address_type",
}
HSDS_SAL_KEYS = {"id", "service_id", "location_id", "location"}


def test_the_whitelist_names_what_a_confidential_place_shows(refuge):
    location = refuge.locations()[0]
    assert set(location.public_place()) == TOWN_ONLY
    assert location.public_place()["municipality"] == "Tapachula"
    # Staff outputs guarded by permission and audit log may see everything.
    revealed = location.place_facts(reveal=True)
    assert revealed["street"] == SECRET_STREET
    assert revealed["transportation"] == SECRET_TRANSPORT


def _assert_hsds_location(location: dict):
    assert set(location) == HSDS_LOCATION_KEYS
    (address,) = location["addresses"]
    assert set(address) == HSDS_ADDRESS_KEYS
    assert address["city"] == "Tapachula"
    assert address["address_1"] == "" and address["postal_code"] == ""


def test_the_api_shows_the_town_alone(client, refuge):
    sal = refuge.service_at_locations.get()
    detail = client.get(f"/api/hsds/services/{refuge.pk}").json()
    (item,) = detail["service_at_locations"]
    assert set(item) == HSDS_SAL_KEYS
    _assert_hsds_location(item["location"])

    listed = client.get("/api/hsds/service_at_locations").json()["contents"]
    (item,) = [row for row in listed if row["id"] == str(sal.pk)]
    assert set(item) == {*HSDS_SAL_KEYS, "service"}
    _assert_hsds_location(item["location"])
    item = client.get(f"/api/hsds/service_at_locations/{sal.pk}").json()
    assert set(item) == {*HSDS_SAL_KEYS, "service"}
    _assert_hsds_location(item["location"])

    organization = client.get(
        f"/api/hsds/organizations/{refuge.organization_id}"
    ).json()
    (location,) = organization["locations"]
    _assert_hsds_location(location)


def test_the_public_export_shows_the_town_alone(refuge, tmp_path):
    call_command("export_hsds", str(tmp_path / "package"), stdout=io.StringIO())
    services = json.loads((tmp_path / "package" / "services.json").read_text())
    (service,) = [s for s in services if s["id"] == str(refuge.pk)]
    (sal,) = service["service_at_locations"]
    assert set(sal) == HSDS_SAL_KEYS
    location = dict(sal["location"])
    assert location.pop("convivir") == {"confidential": True}
    _assert_hsds_location(location)


def test_the_json_ld_shows_the_town_alone(client, refuge):
    response = client.get("/es/buscar-ayuda/servicio/refugio-mariposa/")
    html = response.getvalue().decode()
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(html[start : html.index("</script>", start)])
    (place,) = data["availableChannel"]["serviceLocation"]
    assert set(place) == {"@type", "address"}
    assert place["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Tapachula",
        "addressRegion": "Chiapas",
        "addressCountry": "MX",
    }


def test_the_pages_are_given_the_town_alone(client, refuge):
    response = client.get("/es/buscar-ayuda/servicio/refugio-mariposa/")
    (place,) = response.context["places"]
    assert set(place) == TOWN_ONLY
    assert response.context["row"]["directions"] == ""
    for url in (
        "/es/buscar-ayuda/municipio/tapachula/",
        f"/es/buscar-ayuda/organizacion/{refuge.organization.slug}/",
    ):
        rows = client.get(url).context["rows"]
        (row,) = [row for row in rows if row["service"].pk == refuge.pk]
        (place,) = row["places"]
        assert set(place) == TOWN_ONLY, url
    # The printable sheet is written as it is sent: its text says the same.
    sheet = client.get("/es/buscar-ayuda/municipio/tapachula/imprimir/")
    html = sheet.getvalue().decode()
    entry = html[html.index("Refugio Mariposa") :].split("</li>", 1)[0]
    assert "Tapachula — la dirección se da por teléfono" in entry
    assert SECRET_STREET not in html and SECRET_NEIGHBOURHOOD not in html
