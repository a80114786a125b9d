"""What the directory's pages show of a service, in Spanish and English:
its English text where written (else the Spanish text, marked as Spanish),
the live status only for shelters whose status was reported, the notice,
the ages, interpretation, the schedule's description, phone extensions and
types, a place's accessibility and transport, languages by ISO 639 code."""

import json
import re
from datetime import time

from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from directory.factories import (
    LocationFactory,
    OrganizationFactory,
    PhoneFactory,
    ScheduleFactory,
    ServiceFactory,
)
from directory.models import Service
from tests.directory.admin.helpers import service_form

pytestmark = pytest.mark.django_db

ES = "/es/buscar-ayuda/servicio/albergue-belen/"
EN = "/en/find-help/service/albergue-belen/"


def _get(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.getvalue().decode()


def _jsonld(html) -> dict:
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )


@pytest.fixture
def in_english(shelter):
    Service.objects.filter(pk=shelter.pk).update(
        alternate_name="Bethlehem Shelter",
        description_en="A place to stay for families.",
        eligibility_description="Familias en tránsito.",
        eligibility_description_en="Families in transit.",
        application_process="Llega antes de las 19:00.",
        application_process_en="Arrive before 7 pm.",
        is_free=False,
        fees_description="Cooperación voluntaria de 10 pesos.",
        fees_description_en="A voluntary contribution of 10 pesos.",
    )
    shelter.refresh_from_db()
    return shelter


# --- Text in the page's language --------------------------------------------------


def test_english_page_shows_the_english_text(client, directory_page_en, in_english):
    html = _get(client, EN)
    assert "<h1>Bethlehem Shelter</h1>" in html
    assert "<title>Bethlehem Shelter · Convivir</title>" in html
    assert '<span aria-current="page">Bethlehem Shelter</span>' in html
    assert '<p class="lead">A place to stay for families.</p>' in html
    for text in (
        "Families in transit.",
        "Arrive before 7 pm.",
        "A voluntary contribution of 10 pesos.",
    ):
        assert f"<dd>{text}</dd>" in html
    assert "Alojamiento para familias." not in html
    assert "Llega antes" not in html and "Cooperación" not in html
    assert 'Call<span class="visually-hidden"> Bethlehem Shelter</span>' in html
    data = _jsonld(html)
    assert data["name"] == "Bethlehem Shelter"
    assert data["alternateName"] == "Albergue Belén"
    assert data["description"] == "A place to stay for families."


def test_spanish_page_keeps_the_spanish_text(client, directory_page_en, in_english):
    html = _get(client, ES)
    assert "<h1>Albergue Belén</h1>" in html
    assert '<p class="lead">Alojamiento para familias.</p>' in html
    assert "<dd>Familias en tránsito.</dd>" in html
    assert "Bethlehem" not in html.split("<script")[0] + html.split("</script>")[-1]
    assert '<span lang="es">' not in html
    data = _jsonld(html)
    assert data["name"] == "Albergue Belén"
    assert data["alternateName"] == "Bethlehem Shelter"
    assert data["description"] == "Alojamiento para familias."


def test_without_english_text_the_spanish_is_marked_as_spanish(
    client, directory_page_en, shelter
):
    Service.objects.filter(pk=shelter.pk).update(
        eligibility_description="Familias en tránsito."
    )
    html = _get(client, EN)
    assert '<h1><span lang="es">Albergue Belén</span></h1>' in html
    assert '<span aria-current="page"><span lang="es">Albergue Belén</span>' in html
    assert (
        '<p class="lead"><span lang="es">Alojamiento para familias.</span></p>' in html
    )
    assert '<dd><span lang="es">Familias en tránsito.</span></dd>' in html
    assert '<li><span lang="es">Acta de nacimiento</span></li>' in html
    assert _jsonld(html)["name"] == "Albergue Belén"
    assert "alternateName" not in _jsonld(html)


def test_listings_show_the_name_in_the_page_language(
    client, directory_page_en, in_english
):
    other = ServiceFactory(name="Comedor Esperanza", location__municipality="Tapachula")
    organization = in_english.organization.slug
    for url in (
        "/en/find-help/",
        f"/en/find-help/organization/{organization}/",
        "/en/find-help/town/tapachula/",
        "/en/find-help/town/tapachula/print/",
    ):
        html = _get(client, url)
        assert "Bethlehem Shelter" in html, url
        assert "Albergue Belén" not in html, url
    html = _get(client, "/en/find-help/town/tapachula/")
    assert f'<span lang="es">{other.name}</span>' in html
    html = _get(client, "/es/buscar-ayuda/municipio/tapachula/")
    assert "Albergue Belén" in html and "Bethlehem" not in html
    assert '<span lang="es">' not in html


def test_an_organisation_description_is_marked_as_spanish_on_english_pages(
    client, directory_page_en, shelter
):
    organization = shelter.organization
    html = _get(client, f"/en/find-help/organization/{organization.slug}/")
    assert f'<span lang="es">{organization.description}</span>' in html


def test_editor_writes_the_english_text_in_the_admin(
    client, directory_page_en, editor, moderator
):
    organization = OrganizationFactory()
    location = LocationFactory(organization=organization, municipality="Tapachula")
    service = ServiceFactory(
        organization=organization, location=location, slug="comedor-san-jose"
    )
    url = reverse("wagtailsnippets_directory_service:edit", args=[service.pk])
    form = service_form(
        organization,
        location,
        alternate_name="Saint Joseph Soup Kitchen",
        description_en="A hot meal every day.",
        eligibility_description_en="Anyone in transit.",
    )
    client.force_login(editor)
    response = client.post(url, {**form, "action-submit": "on"})
    assert response.status_code == 302, response.getvalue().decode()[:2000]
    service.refresh_from_db()
    assert service.latest_revision.content["alternate_name"] == (
        "Saint Joseph Soup Kitchen"
    )
    # Waiting for a moderator: the public page is unchanged.
    client.logout()
    html = _get(client, "/en/find-help/service/comedor-san-jose/")
    assert "Saint Joseph" not in html
    client.force_login(moderator)
    response = client.post(url, {**form, "action-publish": "on"})
    assert response.status_code == 302
    client.logout()
    html = _get(client, "/en/find-help/service/comedor-san-jose/")
    assert "<h1>Saint Joseph Soup Kitchen</h1>" in html
    assert '<p class="lead">A hot meal every day.</p>' in html
    assert "<dd>Anyone in transit.</dd>" in html
    html = _get(client, "/es/buscar-ayuda/servicio/comedor-san-jose/")
    assert "<h1>Comedor San José</h1>" in html
    assert "Comida caliente todos los días." in html


def test_the_admin_edit_form_shows_the_english_panel(client, moderator, shelter):
    client.force_login(moderator)
    html = _get(
        client, reverse("wagtailsnippets_directory_service:edit", args=[shelter.pk])
    )
    assert "En inglés" in html
    assert 'name="alternate_name"' in html and 'name="description_en"' in html


# --- Live status only where it means something -------------------------------------


def test_a_shelter_shows_its_status_once_reported(client, directory_page, shelter):
    html = _get(client, ES)
    assert "Hay lugar" not in html and "desde el" not in html
    shelter.set_status("open")
    html = _get(client, ES)
    assert "Hay lugar" in html and "desde el" in html
    assert "Hay lugar" in _get(client, "/es/buscar-ayuda/")


def test_other_services_never_show_space_available(client, directory_page_en):
    clinic = ServiceFactory(
        name="Clínica del Río", slug="clinica-del-rio", types=["health"]
    )
    clinic.set_status("open")
    for url in ("/es/buscar-ayuda/servicio/clinica-del-rio/", "/es/buscar-ayuda/"):
        html = _get(client, url)
        assert "Clínica del Río" in html
        assert "Hay lugar" not in html and "desde el" not in html
    clinic.set_status("full")
    html = _get(client, "/en/find-help/service/clinica-del-rio/")
    assert "Full" not in html and "since" not in html


def test_a_closed_service_says_so_whatever_it_is(client, directory_page):
    clinic = ServiceFactory(
        name="Clínica del Río",
        slug="clinica-del-rio",
        types=["legal_aid"],
        status="temporarily_closed",
    )
    assert clinic.status_changed_at is None
    for url in ("/es/buscar-ayuda/servicio/clinica-del-rio/", "/es/buscar-ayuda/"):
        assert "Cerrado temporalmente" in _get(client, url)


def test_an_editor_reports_a_status_in_the_admin_at_once(
    client, directory_page, editor, shelter
):
    organization = shelter.organization
    (location,) = shelter.locations()
    client.force_login(editor)
    form = service_form(
        organization,
        location,
        name=shelter.name,
        slug=shelter.slug,
        status="full",
        service_types=[str(term.pk) for term in shelter.service_types.all()],
    )
    response = client.post(
        reverse("wagtailsnippets_directory_service:edit", args=[shelter.pk]),
        {**form, "action-submit": "on"},
    )
    assert response.status_code == 302, response.getvalue().decode()[:2000]
    shelter.refresh_from_db()
    # Today's status is a fact, not a draft waiting for moderation.
    assert shelter.status == "full" and shelter.status_changed_at is not None
    assert ModelLogEntry.objects.filter(
        object_id=str(shelter.pk), action="directory.status", user=editor
    ).exists()
    client.logout()
    html = _get(client, ES)
    assert "Lleno" in html and "desde el" in html


def test_the_admin_leaves_an_unchanged_status_unreported(
    client, directory_page, moderator, shelter
):
    client.force_login(moderator)
    (location,) = shelter.locations()
    form = service_form(
        shelter.organization,
        location,
        name=shelter.name,
        slug=shelter.slug,
        service_types=[str(term.pk) for term in shelter.service_types.all()],
    )
    response = client.post(
        reverse("wagtailsnippets_directory_service:edit", args=[shelter.pk]),
        {**form, "action-publish": "on"},
    )
    assert response.status_code == 302
    shelter.refresh_from_db()
    assert shelter.status_changed_at is None


def test_status_page_for_a_service_that_is_not_a_shelter(client, directory_page):
    clinic = ServiceFactory(slug="clinica", types=["health"])
    url = f"{directory_page.route_url('status')}?t={clinic.status_token()}"
    html = _get(client, url)
    assert "solo dice si está cerrado temporalmente" in html
    assert "Se muestra ahora:" not in html
    response = client.post(url, {"status": "temporarily_closed", "website": ""})
    html = response.getvalue().decode()
    assert "Se muestra ahora:" in html and "Cerrado temporalmente" in html


# --- What a visitor needs on the service page --------------------------------------


def test_the_notice_comes_first_as_an_alert(client, directory_page_en, shelter):
    Service.objects.filter(pk=shelter.pk).update(
        alert="Nos mudamos: ahora en la calle 5."
    )
    html = _get(client, ES)
    notice = html.index('role="alert"')
    assert html.index("<h1>") < notice < html.index('<p class="lead">')
    assert "<strong>Aviso</strong>" in html[notice:]
    assert "<p>Nos mudamos: ahora en la calle 5.</p>" in html
    html = _get(client, EN)
    assert "<strong>Notice</strong>" in html
    assert '<p><span lang="es">Nos mudamos: ahora en la calle 5.</span></p>' in html


def test_no_notice_without_alert(client, directory_page, shelter):
    assert 'role="alert"' not in _get(client, ES)


@pytest.mark.parametrize(
    ("minimum", "maximum", "in_spanish", "in_english"),
    [
        (12, 17, "De 12 a 17 años", "12 to 17 years"),
        (12, None, "Desde los 12 años", "From 12 years"),
        (None, 17, "Hasta los 17 años", "Up to 17 years"),
        (0, 17, "Hasta los 17 años", "Up to 17 years"),
    ],
)
def test_ages(
    client, directory_page_en, shelter, minimum, maximum, in_spanish, in_english
):
    Service.objects.filter(pk=shelter.pk).update(
        minimum_age=minimum, maximum_age=maximum
    )
    assert f"<dt>Edades</dt><dd>{in_spanish}</dd>" in _get(client, ES)
    assert f"<dt>Ages</dt><dd>{in_english}</dd>" in _get(client, EN)
    audience = _jsonld(_get(client, EN))["audience"]
    assert audience.get("suggestedMaxAge") == maximum
    assert audience.get("suggestedMinAge") == minimum


def test_no_ages_without_them(client, directory_page, shelter):
    html = _get(client, ES)
    assert "<dt>Edades</dt>" not in html
    assert "audience" not in _jsonld(html)


def test_interpretation_and_schedule_description(client, directory_page_en, shelter):
    Service.objects.filter(pk=shelter.pk).update(
        interpretation_services="Intérprete de francés los lunes."
    )
    shelter.schedules.update(description="Cerrado los días festivos.")
    ScheduleFactory(
        service=shelter,
        weekday=1,
        opens_at=time(8),
        closes_at=time(20),
        description="Cerrado los días festivos.",
    )
    html = _get(client, ES)
    assert "<dt>Interpretación</dt><dd>Intérprete de francés los lunes.</dd>" in html
    hours = html[html.index('<ul class="directory-hours">') :]
    assert hours.count("Cerrado los días festivos.") == 1
    assert re.search(r"</ul>\s*<p>Cerrado los días festivos.</p>", hours)
    html = _get(client, EN)
    assert (
        '<dt>Interpretation</dt><dd><span lang="es">'
        "Intérprete de francés los lunes.</span></dd>"
    ) in html
    assert '<p><span lang="es">Cerrado los días festivos.</span></p>' in html


def test_phone_extension_and_type(client, directory_page_en, shelter):
    PhoneFactory(service=shelter, number="+529625550200", extension="100")
    PhoneFactory(service=shelter, number="+529625550300", kind="fax")
    PhoneFactory(service=shelter, number="+529625550400", kind="text")
    html = _get(client, ES)
    assert '<a href="tel:+529625550200">+52 962 555 0200</a> ext. 100' in html
    assert "<li>+52 962 555 0300 · Fax</li>" in html
    assert "tel:+529625550300" not in html
    assert '<a href="sms:+529625550400">+52 962 555 0400</a>' in html
    points = _jsonld(html)["availableChannel"]["servicePhone"]
    assert {"@type": "ContactPoint", "faxNumber": "+529625550300"} in points
    assert {"@type": "ContactPoint", "telephone": "+529625550200 ext. 100"} in points
    sheet = _get(client, "/es/buscar-ayuda/municipio/tapachula/imprimir/")
    assert "Tel. +52 962 555 0200 ext. 100" in sheet
    assert "Fax +52 962 555 0300" in sheet


def test_call_button_skips_a_fax(client, directory_page):
    service = ServiceFactory(name="Defensoría", slug="defensoria", types=["legal_aid"])
    PhoneFactory(service=service, number="+529625550300", kind="fax")
    html = _get(client, "/es/buscar-ayuda/servicio/defensoria/")
    assert 'class="button" href="tel:' not in html
    PhoneFactory(service=service, number="+529625550200")
    html = _get(client, "/es/buscar-ayuda/servicio/defensoria/")
    assert '<a class="button" href="tel:+529625550200">Llamar' in html


def test_place_accessibility_and_transport(client, directory_page_en, shelter):
    (location,) = shelter.locations()
    location.accessibility = "Rampa en la entrada."
    location.transportation = "Combi 12, bajar en el mercado."
    location.save()
    html = _get(client, ES)
    assert "Rampa en la entrada." in html
    assert "Combi 12, bajar en el mercado." in html
    html = _get(client, EN)
    assert '<span lang="es">Rampa en la entrada.</span>' in html
    assert '<span lang="es">Combi 12, bajar en el mercado.</span>' in html


def test_a_confidential_place_shows_no_accessibility_or_transport(
    client, directory_page, shelter
):
    (location,) = shelter.locations()
    location.accessibility = "Rampa en la puerta trasera."
    location.transportation = "Bajar frente a la iglesia."
    location.is_confidential = True
    location.save()
    html = _get(client, ES)
    assert "Lugar confidencial" in html
    assert "Rampa" not in html and "iglesia" not in html


def test_indigenous_languages_by_name(client, directory_page_en, shelter):
    Service.objects.filter(pk=shelter.pk).update(languages=["es", "tzo", "kek"])
    assert "Español, Tsotsil, Q&#x27;eqchi&#x27;" in _get(client, ES)
    assert "Spanish, Tsotsil, Q&#x27;eqchi&#x27;" in _get(client, EN)


def _admin_row(html, name) -> list[str]:
    row = html[html.index(f"{name}</span>") :].split("</tr>", 1)[0]
    return [
        " ".join(cell.split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]


def test_the_admin_listing_shows_when_a_status_was_reported(client, editor):
    reported = ServiceFactory(name="Albergue Norte")
    reported.set_status("full")
    ServiceFactory(name="Albergue Sur")
    client.force_login(editor)
    html = _get(client, reverse("wagtailsnippets_directory_service:list"))
    assert "Estado informado el" in html
    # Organisation, status, status reported at, last verified, live.
    _org, status, reported_at, _verified, _live = _admin_row(html, "Albergue Norte")
    assert status == "Lleno" and "de 20" in reported_at
    _org, status, reported_at, _verified, _live = _admin_row(html, "Albergue Sur")
    assert status == "Abierto, hay lugar"
    assert reported_at == ""
