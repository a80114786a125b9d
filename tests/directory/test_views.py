"""The directory's public views in Spanish and English: the service page
(status, open now, cost, languages, links, stale warning, JSON-LD),
organisation, town and printable sheet, each listing at a constant number
of queries; and the pages a service's own staff reach from their signed
links (confirm the entry or propose changes, set today's status)."""

import json
import re
from datetime import timedelta

from django.core import mail, signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from directory import views
from directory.factories import (
    ContactFactory,
    LocationFactory,
    PhoneFactory,
    ServiceFactory,
)
from directory.generate import generate
from directory.models import STATUS_LINK, Service, WrongInformationReport

pytestmark = pytest.mark.django_db


def test_service_page_in_spanish(client, directory_page, shelter):
    html = client.get("/es/buscar-ayuda/servicio/albergue-belen/").getvalue().decode()
    assert "<h1>Albergue Belén</h1>" in html
    assert "Hay lugar" not in html  # until someone reports it
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
    shelter.set_status("open")
    html = client.get("/en/find-help/service/albergue-belen/").getvalue().decode()
    assert "Space available" in html
    assert "Families" in html and "Spanish, French" in html
    assert "What to bring" in html and "Free" in html
    organization = shelter.organization.slug
    assert f'href="/en/find-help/organization/{organization}/"' in html
    assert 'action="/en/find-help/service/albergue-belen/report/"' in html


def test_service_page_links_to_its_organisation_and_the_directory(
    client, directory_page, shelter
):
    html = client.get("/es/buscar-ayuda/servicio/albergue-belen/").getvalue().decode()
    organization = shelter.organization
    assert (
        f'A cargo de <a href="/es/buscar-ayuda/organizacion/{organization.slug}/">'
        f"{organization.name}</a>"
    ) in html
    assert re.search(
        r'<nav class="breadcrumbs" aria-label="Ruta de navegación">\s*<ol>\s*'
        r'<li><a href="/es/">Inicio</a></li>'
        r'<li><a href="/es/buscar-ayuda/">Buscar ayuda</a></li>\s*'
        r'<li><span aria-current="page">Albergue Belén</span></li>',
        html,
    )
    assert 'action="/es/buscar-ayuda/servicio/albergue-belen/reportar/"' in html


def test_stale_warning_after_180_days(client, directory_page, shelter):
    Service.objects.filter(pk=shelter.pk).update(
        last_verified_at=timezone.now() - timedelta(days=181)
    )
    html = client.get("/es/buscar-ayuda/servicio/albergue-belen/").getvalue().decode()
    assert "no se ha revisado" in html


def test_unverified_for_a_year_is_hidden(client, directory_page, shelter):
    Service.objects.filter(pk=shelter.pk).update(
        last_verified_at=timezone.now() - timedelta(days=366)
    )
    assert client.get("/es/buscar-ayuda/servicio/albergue-belen/").status_code == 404
    assert "Albergue Belén" not in client.get("/es/buscar-ayuda/").getvalue().decode()


def test_drafts_are_not_public(client, directory_page):
    ServiceFactory(slug="borrador", live=False)
    assert client.get("/es/buscar-ayuda/servicio/borrador/").status_code == 404


def test_status_badge_shows_full_with_its_time(client, directory_page, shelter):
    shelter.set_status("full")
    html = client.get("/es/buscar-ayuda/servicio/albergue-belen/").getvalue().decode()
    assert "Lleno" in html and "desde" in html


def test_json_ld(client, directory_page, shelter):
    html = client.get("/es/buscar-ayuda/servicio/albergue-belen/").getvalue().decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "Service" and data["name"] == "Albergue Belén"
    url = "https://convivir.example.org/es/buscar-ayuda/servicio/albergue-belen/"
    assert data["@id"] == data["url"] == url
    place = data["availableChannel"]["serviceLocation"][0]
    assert place["address"]["streetAddress"].startswith("Avenida Norte 40")
    assert place["geo"]["latitude"] == pytest.approx(14.905)


def test_organization_town_and_sheet(client, directory_page, shelter):
    slug = shelter.organization.slug
    html = client.get(f"/es/buscar-ayuda/organizacion/{slug}/").getvalue().decode()
    assert "Albergue Belén" in html
    assert 'href="/es/buscar-ayuda/servicio/albergue-belen/"' in html
    html = client.get("/es/buscar-ayuda/municipio/tapachula/").getvalue().decode()
    assert "Ayuda en Tapachula" in html and "Albergue Belén" in html
    assert 'href="/es/buscar-ayuda/municipio/tapachula/imprimir/"' in html
    html = (
        client.get("/es/buscar-ayuda/municipio/tapachula/imprimir/").getvalue().decode()
    )
    assert "+52 962 555 0123 (WhatsApp)" in html and "Lunes 08:00\u201320:00" in html
    assert 'href="/es/buscar-ayuda/municipio/tapachula/"' in html
    assert (
        "Versión más reciente: "
        "https://convivir.example.org/es/buscar-ayuda/municipio/tapachula/imprimir/"
    ) in html
    assert client.get("/es/buscar-ayuda/municipio/ninguna/").status_code == 404
    assert client.get("/es/buscar-ayuda/organizacion/nadie/").status_code == 404


def test_organization_town_and_sheet_in_english(client, directory_page_en, shelter):
    slug = shelter.organization.slug
    html = client.get(f"/en/find-help/organization/{slug}/").getvalue().decode()
    assert 'href="/en/find-help/service/albergue-belen/"' in html
    html = client.get("/en/find-help/town/tapachula/").getvalue().decode()
    assert "Help in Tapachula" in html
    assert 'href="/en/find-help/town/tapachula/print/"' in html
    html = client.get("/en/find-help/town/tapachula/print/").getvalue().decode()
    assert 'href="/en/find-help/town/tapachula/"' in html
    assert "Monday 08:00\u201320:00" in html


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200
        response.getvalue()  # the printable sheet is written as it is read
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/es/buscar-ayuda/",
        "/es/buscar-ayuda/?tipo=shelter&municipio=tapachula",
        "/es/buscar-ayuda/municipio/tapachula/",
    ],
)
def test_listing_queries_do_not_grow_with_services(
    client, directory_page, url, settings
):
    settings.SEARCH_RESULTS_SECONDS = 0  # every search asked afresh
    ServiceFactory(location__municipality="Tapachula", types=["shelter"])
    generate(9)
    # Warm the site, locale and translation caches (Redis fills over two
    # requests).
    client.get(url)
    client.get(url)
    few = _queries(client, url)
    generate(990)
    assert Service.objects.count() == 1000
    client.get(url)  # what is kept until the directory changes, made again
    assert _queries(client, url) == few


def test_the_printable_sheet_costs_a_fixed_number_of_queries_per_part(
    client, directory_page
):
    url = "/es/buscar-ayuda/municipio/tapachula/imprimir/"
    ServiceFactory(location__municipality="Tapachula", types=["shelter"])
    generate(9)
    client.get(url).getvalue()
    one_part = _queries(client, url)
    generate(990)
    response = client.get(url)
    assert response.streaming
    html = response.getvalue().decode()
    listed = html.split('directory-sheet__list">')[1].split("</ol>")[0]
    assert listed.count("<h2>") == Service.objects.public().in_town("tapachula").count()
    assert html.rstrip().endswith("</html>")
    # The services and what each row shows (five prefetches) per part.
    parts = -(-1000 // views.SHEET_PART)
    assert _queries(client, url) <= one_part + 6 * (parts - 1)


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
    html = (
        client.get("/es/buscar-ayuda/servicio/comedor-esperanza/").getvalue().decode()
    )
    assert 'href="tel:+529625550123"' in html
    assert 'href="https://wa.me/529625550123"' in html
    assert ">+52 962 555 0123</a>" in html
    assert 'href="tel:+50255551234">+502 5555 1234</a>' in html


# --- The pages a service's own staff reach from their signed links -------------


@pytest.fixture
def contacts(directory_page_en, shelter):
    ContactFactory(service=shelter, name="Hermana Lupita", email="lupita@belen.example")
    ContactFactory(
        service=shelter, name="John", email="john@belen.example", language="en"
    )
    Service.objects.filter(pk=shelter.pk).update(last_verified_at=None)
    shelter.refresh_from_db()
    return shelter


def _verify_url(directory_page, service):
    contact = service.contacts.get(email="lupita@belen.example")
    base = directory_page.route_url("verify")
    return f"{base}?t={service.verification_token(contact)}"


def _status_url(directory_page, service, token=None):
    return f"{directory_page.route_url('status')}?t={token or service.status_token()}"


def test_contact_confirms_the_entry(client, directory_page, contacts):
    url = _verify_url(directory_page, contacts)
    html = client.get(url).getvalue().decode()
    assert "Hola, Hermana Lupita" in html
    contacts.refresh_from_db()
    assert contacts.last_verified_at is None  # GET changes nothing
    client.post(url, {"action": "confirm"})
    contacts.refresh_from_db()
    assert contacts.last_verified_at is not None
    assert contacts.verified_by_name == "Hermana Lupita"


def test_contact_proposes_changes_for_review(
    client, directory_page, contacts, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _verify_url(directory_page, contacts),
            {"action": "propose", "changes": "Ahora abrimos a las 7.", "website": ""},
        )
    assert "revisará" in response.getvalue().decode()
    report = WrongInformationReport.objects.get()
    assert report.what_is_wrong == "Ahora abrimos a las 7."
    assert "lupita@belen.example" in report.contact
    assert [m.to for m in mail.outbox] == [["edith@convivir.example"]]
    contacts.refresh_from_db()
    assert contacts.last_verified_at is None


def test_empty_proposal_shows_the_error(client, directory_page, contacts):
    response = client.post(
        _verify_url(directory_page, contacts),
        {"action": "propose", "changes": "", "website": ""},
    )
    assert 'id="id_changes_error"' in response.getvalue().decode()
    assert not WrongInformationReport.objects.exists()


def test_status_update_from_a_signed_link_without_login(
    client, directory_page, contacts
):
    url = _status_url(directory_page, contacts)
    assert "Todavía nadie ha informado el estado" in client.get(url).getvalue().decode()
    response = client.post(url, {"status": "full", "website": ""})
    assert "actualizado" in response.getvalue().decode()
    contacts.refresh_from_db()
    assert contacts.status == "full"
    assert contacts.status_changed_at > timezone.now() - timedelta(minutes=1)
    assert ModelLogEntry.objects.filter(
        object_id=str(contacts.pk), action="directory.status"
    ).exists()
    assert "Se muestra ahora:" in response.getvalue().decode()
    page = client.get("/es/buscar-ayuda/servicio/albergue-belen/").getvalue().decode()
    assert "Lleno" in page
    response = client.post(url, {"status": "abierto", "website": ""})
    assert 'id="id_status_error"' in response.getvalue().decode()


def test_the_english_status_page_answers_in_english(
    client, directory_page_en, contacts
):
    contacts.set_status("open")
    html = client.get(_status_url(directory_page_en, contacts)).getvalue().decode()
    assert "Shown now:" in html and "Space available" in html


@pytest.mark.parametrize("kind", ["tampered", "expired", "other_salt"])
def test_bad_links_give_a_clear_page(client, directory_page, contacts, kind, settings):
    token = contacts.status_token()
    if kind == "tampered":
        token = token[:-3] + "abc"
    elif kind == "other_salt":
        token = signing.dumps({"s": str(contacts.pk)}, salt="otra.cosa")
    else:
        settings.DIRECTORY_LINK_DAYS = 1
        signer = signing.TimestampSigner(salt=STATUS_LINK.salt)
        old = timezone.now() - timedelta(days=3)
        signer.timestamp = lambda: signing.b62_encode(int(old.timestamp()))
        token = signer.sign_object({"s": str(contacts.pk)})
    response = client.post(
        _status_url(directory_page, contacts, token), {"status": "full"}
    )
    assert response.status_code == 400
    heading = (
        "Este enlace ya venció" if kind == "expired" else "Este enlace no funciona"
    )
    assert f"<h1>{heading}</h1>" in response.getvalue().decode()
    contacts.refresh_from_db()
    assert contacts.status == "open"
