"""An entry hidden because nobody has verified it for too long answers 404,
with a page that says it is being checked again and how to reach the
service meanwhile (its phone, its town: never more of a confidential
place); the site's 404 page leads to the directory and the search."""

from datetime import timedelta

from django.utils import timezone

import pytest

from directory.factories import LocationFactory, PhoneFactory, ServiceFactory
from directory.models import Service
from tests.utils import page_text

pytestmark = pytest.mark.django_db


def unverified_for_a_year(service):
    Service.objects.filter(pk=service.pk).update(
        last_verified_at=timezone.now() - timedelta(days=366)
    )


def test_an_entry_hidden_for_lack_of_verification_says_so(
    client, directory_page_en, shelter
):
    unverified_for_a_year(shelter)
    response = client.get("/es/buscar-ayuda/servicio/albergue-belen/")
    assert response.status_code == 404
    text = page_text(response)
    assert "Estamos volviendo a revisar esta entrada" in text
    assert "Albergue Belén" in text and "Tapachula, Chiapas" in text
    assert "+52 962 555 0123" in text
    assert "Avenida Norte 40" not in text
    assert 'href="tel:+529625550123"' in response.content.decode()

    response = client.get("/en/find-help/service/albergue-belen/")
    assert response.status_code == 404
    text = page_text(response)
    assert "We are checking this entry again" in text
    assert "Albergue Belén" in text and "+52 962 555 0123" in text


def test_a_confidential_place_shows_its_town_alone(client, directory_page):
    location = LocationFactory(
        name="Casa Refugio",
        address_1="Calle Secreta 9",
        municipality="Tenosique",
        state="tabasco",
        is_confidential=True,
    )
    service = ServiceFactory(
        name="Refugio para mujeres",
        slug="refugio",
        organization=location.organization,
        location=location,
    )
    PhoneFactory(service=service, number="+52 934 555 0100")
    unverified_for_a_year(service)
    response = client.get("/es/buscar-ayuda/servicio/refugio/")
    assert response.status_code == 404
    text = page_text(response)
    assert "Tenosique, Tabasco" in text and "+52 934 555 0100" in text
    for secret in ("Casa Refugio", "Calle Secreta", "14.905", "-92.263"):
        assert secret not in response.content.decode()


def test_a_report_on_an_entry_being_checked_gets_the_same_page(
    client, directory_page, shelter
):
    unverified_for_a_year(shelter)
    response = client.post(
        directory_page.route_url("report", slug="albergue-belen"),
        {"what_is_wrong": "Ya no contestan.", "website": ""},
    )
    assert response.status_code == 404
    assert "Estamos volviendo a revisar esta entrada" in page_text(response)


def test_a_draft_or_an_unknown_entry_is_a_plain_not_found(client, directory_page):
    ServiceFactory(slug="borrador", live=False)
    for slug in ("borrador", "nadie"):
        response = client.get(f"/es/buscar-ayuda/servicio/{slug}/")
        assert response.status_code == 404
        text = page_text(response)
        assert "No encontramos esta página" in text
        assert "volviendo a revisar" not in text


def test_the_not_found_page_leads_to_the_directory_and_the_search(
    client, directory_page_en
):
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    html = response.content.decode()
    main = html[html.index("<main") :]
    assert '<a href="/es/buscar-ayuda/">Buscar ayuda</a>' in main
    assert '<a href="/es/buscar/">Buscar en el sitio</a>' in main
    response = client.get("/en/nothing-here/")
    html = response.content.decode()
    main = html[html.index("<main") :]
    assert '<a href="/en/find-help/">Find help</a>' in main
    assert '<a href="/en/search/">Search the site</a>' in main
