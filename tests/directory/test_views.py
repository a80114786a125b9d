"""Public pages in Spanish and English: directory home with its filters,
service page (status, open now, cost, languages, links, stale warning),
organisation, town and printable sheet, JSON-LD, sitemap; each listing at a
constant number of queries."""

import json
import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from directory.factories import (
    LocationFactory,
    PhoneFactory,
    RequiredDocumentFactory,
    ScheduleFactory,
    ServiceFactory,
    population,
)
from directory.generate import generate
from directory.models import Service

pytestmark = pytest.mark.django_db
MX = ZoneInfo("America/Mexico_City")


@pytest.fixture
def shelter():
    service = ServiceFactory(
        name="Albergue Belén",
        slug="albergue-belen",
        description="Alojamiento para familias.",
        languages=["es", "fr"],
        location__municipality="Tapachula",
        location__address_1="Avenida Norte 40",
        last_verified_at=timezone.now() - timedelta(days=3),
    )
    service.populations.set([population("families")])
    service.save()
    PhoneFactory(service=service, number="+52 962 555 0123", whatsapp=True)
    RequiredDocumentFactory(service=service, document="Acta de nacimiento")
    ScheduleFactory(service=service, weekday=0, opens_at=time(8), closes_at=time(20))
    return service


def test_directory_home_lists_and_filters(client, directory_page, shelter):
    ServiceFactory(
        name="Comedor Arriaga", location__municipality="Arriaga", types=["food"]
    )
    html = client.get("/es/buscar-ayuda/").content.decode()
    assert "<h1>Buscar ayuda</h1>" in html
    assert 'href="/es/buscar-ayuda/servicio/albergue-belen/"' in html
    assert "Comedor Arriaga" in html
    assert "2 servicios" in html

    html = client.get("/es/buscar-ayuda/", {"municipio": "arriaga"}).content.decode()
    assert "Comedor Arriaga" in html and "Albergue Belén" not in html
    html = client.get("/es/buscar-ayuda/", {"tipo": "shelter"}).content.decode()
    assert "Albergue Belén" in html and "Comedor Arriaga" not in html
    assert 'value="shelter" id="type-shelter" checked' in html
    # Unknown values are ignored, never an error.
    response = client.get("/es/buscar-ayuda/", {"tipo": "<x>", "page": "zz"})
    assert response.status_code == 200 and "2 servicios" in response.content.decode()


def test_service_page_in_spanish(client, directory_page, shelter):
    html = client.get("/es/buscar-ayuda/servicio/albergue-belen/").content.decode()
    assert "<h1>Albergue Belén</h1>" in html
    assert "Hay lugar" in html
    assert 'href="tel:+529625550123"' in html
    assert 'href="https://wa.me/529625550123"' in html
    assert "Acta de nacimiento" in html
    assert "Gratuito" in html
    assert "Español, Francés" in html
    assert "Familias" in html
    assert "Avenida Norte 40" in html
    assert "openstreetmap.org/directions" in html
    assert "Verificado por última vez el" in html
    assert "no se ha revisado" not in html


def test_service_page_in_english(client, directory_page_en, shelter):
    html = client.get("/en/find-help/servicio/albergue-belen/").content.decode()
    assert "Space available" in html
    assert "Families" in html and "Spanish, French" in html
    assert "What to bring" in html and "Free" in html


def test_language_links_lead_to_the_same_service(client, directory_page_en, shelter):
    html = client.get("/es/buscar-ayuda/servicio/albergue-belen/").content.decode()
    assert 'href="/en/find-help/servicio/albergue-belen/" hreflang="en"' in html
    assert re.search(
        r'<link rel="alternate" hreflang="en" '
        r'href="https?://[^/"]+/en/find-help/servicio/albergue-belen/">',
        html,
    )


def test_stale_warning_after_180_days(client, directory_page, shelter):
    Service.objects.filter(pk=shelter.pk).update(
        last_verified_at=timezone.now() - timedelta(days=181)
    )
    html = client.get("/es/buscar-ayuda/servicio/albergue-belen/").content.decode()
    assert "no se ha revisado" in html


def test_unverified_for_a_year_is_hidden(client, directory_page, shelter):
    Service.objects.filter(pk=shelter.pk).update(
        last_verified_at=timezone.now() - timedelta(days=366)
    )
    assert client.get("/es/buscar-ayuda/servicio/albergue-belen/").status_code == 404
    assert "Albergue Belén" not in client.get("/es/buscar-ayuda/").content.decode()


def test_drafts_are_not_public(client, directory_page):
    ServiceFactory(slug="borrador", live=False)
    assert client.get("/es/buscar-ayuda/servicio/borrador/").status_code == 404


def test_status_badge_shows_full_with_its_time(client, directory_page, shelter):
    shelter.set_status("full")
    html = client.get("/es/buscar-ayuda/servicio/albergue-belen/").content.decode()
    assert "Lleno" in html and "desde" in html


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    # 2026-11-23 is a Monday.
    return datetime(2026, 11, 23 + day, hour, minute, tzinfo=MX)


def test_open_now_in_mexico_city_time(shelter):
    assert shelter.is_open_at(_at(0, 8)) is True
    assert shelter.is_open_at(_at(0, 19, 59)) is True
    assert shelter.is_open_at(_at(0, 20)) is False
    assert shelter.is_open_at(_at(1, 9)) is False
    # 14:00 UTC is 08:00 in Mexico City.
    utc = datetime(2026, 11, 23, 14, 0, tzinfo=ZoneInfo("UTC"))
    assert shelter.is_open_at(utc) is True


def test_open_now_across_midnight_and_the_end_of_the_week():
    service = ServiceFactory()
    ScheduleFactory(service=service, weekday=6, opens_at=time(22), closes_at=time(6))
    assert service.is_open_at(_at(6, 23)) is True  # Sunday night
    assert service.is_open_at(_at(7, 5, 59)) is True  # Monday early morning
    assert service.is_open_at(_at(7, 6)) is False
    assert service.is_open_at(_at(6, 21)) is False


def test_open_now_without_hours_is_unknown_and_24h_is_open():
    service = ServiceFactory()
    assert service.is_open_at(_at(0, 3)) is None
    service.open_24_hours = True
    assert service.is_open_at(_at(0, 3)) is True
    service.status = "temporarily_closed"
    assert service.is_open_at(_at(0, 3)) is False


def test_json_ld(client, directory_page, shelter):
    html = client.get("/es/buscar-ayuda/servicio/albergue-belen/").content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "Service" and data["name"] == "Albergue Belén"
    place = data["availableChannel"]["serviceLocation"][0]
    assert place["address"]["streetAddress"].startswith("Avenida Norte 40")
    assert place["geo"]["latitude"] == pytest.approx(14.905)


def test_organization_town_and_sheet(client, directory_page, shelter):
    slug = shelter.organization.slug
    html = client.get(f"/es/buscar-ayuda/organizacion/{slug}/").content.decode()
    assert "Albergue Belén" in html
    html = client.get("/es/buscar-ayuda/municipio/tapachula/").content.decode()
    assert "Ayuda en Tapachula" in html and "Albergue Belén" in html
    html = client.get("/es/buscar-ayuda/municipio/tapachula/imprimir/").content.decode()
    assert "+52 962 555 0123 (WhatsApp)" in html and "Lunes 08:00\u201320:00" in html
    assert client.get("/es/buscar-ayuda/municipio/ninguna/").status_code == 404
    assert client.get("/es/buscar-ayuda/organizacion/nadie/").status_code == 404


def test_sitemap_lists_services_towns_and_organizations(
    client, directory_page, shelter
):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/es/buscar-ayuda/servicio/albergue-belen/" in xml
    assert "/es/buscar-ayuda/municipio/tapachula/" in xml
    assert f"/es/buscar-ayuda/organizacion/{shelter.organization.slug}/" in xml


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/es/buscar-ayuda/",
        "/es/buscar-ayuda/?tipo=shelter&municipio=tapachula",
        "/es/buscar-ayuda/municipio/tapachula/",
        "/es/buscar-ayuda/municipio/tapachula/imprimir/",
    ],
)
def test_listing_queries_do_not_grow_with_services(client, directory_page, url):
    ServiceFactory(location__municipality="Tapachula", types=["shelter"])
    generate(9)
    # Warm the site, locale and translation caches (Redis fills over two
    # requests).
    client.get(url)
    client.get(url)
    few = _queries(client, url)
    generate(990)
    assert Service.objects.count() == 1000
    assert _queries(client, url) == few


def test_service_and_organization_pages_at_fixed_queries(
    client, directory_page, shelter, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        client.get("/es/buscar-ayuda/servicio/albergue-belen/")
    LocationFactory(organization=shelter.organization)
    with django_assert_max_num_queries(25):
        client.get(f"/es/buscar-ayuda/organizacion/{shelter.organization.slug}/")


def test_phones_are_shown_readably_and_linked_from_the_normalised_number(
    client, directory_page
):
    service = ServiceFactory(
        name="Comedor Esperanza",
        slug="comedor-esperanza",
        last_verified_at=timezone.now(),
    )
    # Stored as an editor typed it before numbers were normalised.
    PhoneFactory(service=service, number="962-555-0123", whatsapp=True)
    PhoneFactory(service=service, number="+50255551234")
    html = client.get("/es/buscar-ayuda/servicio/comedor-esperanza/").content.decode()
    assert 'href="tel:+529625550123"' in html
    assert 'href="https://wa.me/529625550123"' in html
    assert ">+52 962 555 0123</a>" in html
    assert 'href="tel:+50255551234">+502 5555 1234</a>' in html


def test_the_admin_stores_a_phone_normalised_and_refuses_an_impossible_one():
    from directory.models import Phone

    field = Phone._meta.get_field("number").formfield()
    assert field.clean("962 555 0123") == "+529625550123"
    with pytest.raises(ValidationError):
        field.clean("5555 1234")
