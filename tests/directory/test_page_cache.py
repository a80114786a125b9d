"""The directory's pages kept whole for visitors (convivir/pagecache.py):
served again from the cache, fresh after any change to the directory, and
the service page's report form still accepted from a kept copy."""

import re

from django.test import Client

import pytest

from directory.factories import ServiceFactory
from directory.models import WrongInformationReport

pytestmark = pytest.mark.django_db

SERVICE = "/es/buscar-ayuda/servicio/albergue-belen/"
STATE = "X-Convivir-Page-Cache"


@pytest.fixture(autouse=True)
def _page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def _token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_service_page_is_served_again_from_the_cache(directory_page, shelter):
    visitor = Client()
    first = visitor.get(SERVICE)
    assert first.status_code == 200 and first[STATE] == "miss"
    again = visitor.get(SERVICE)
    assert again[STATE] == "hit"
    assert "<h1>Albergue Belén</h1>" in again.content.decode()
    # A page with a form is the visitor's own: no shared cache may keep it.
    assert "private" in again["Cache-Control"]


def test_each_visitor_gets_a_token_of_their_own_and_the_form_works(
    directory_page, shelter
):
    Client().get(SERVICE)  # kept
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(SERVICE)
    assert page[STATE] == "hit"
    html = page.content.decode()
    assert "convivir-page-cache-form-token" not in html
    token = _token(html)
    assert visitor.cookies["csrftoken"].value
    other = Client(enforce_csrf_checks=True)
    assert _token(other.get(SERVICE).content.decode()) != token

    response = visitor.post(
        SERVICE + "reportar/",
        {"what_is_wrong": "El teléfono no contesta.", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert WrongInformationReport.objects.get().what_is_wrong == (
        "El teléfono no contesta."
    )
    # Someone else's token is refused, as without the cache.
    refused = other.post(
        SERVICE + "reportar/",
        {"what_is_wrong": "Otro reporte.", "csrfmiddlewaretoken": token},
    )
    assert refused.status_code == 403
    assert WrongInformationReport.objects.count() == 1


def test_a_status_change_is_shown_at_once(directory_page, shelter):
    visitor = Client()
    visitor.get(SERVICE)
    assert "Lleno" not in visitor.get(SERVICE).content.decode()
    shelter.set_status("full")
    fresh = visitor.get(SERVICE)
    assert fresh[STATE] == "miss"
    assert "Lleno" in fresh.content.decode()


def test_a_new_service_appears_in_the_kept_listing(directory_page, shelter):
    visitor = Client()
    visitor.get("/es/buscar-ayuda/")
    assert visitor.get("/es/buscar-ayuda/")[STATE] == "hit"
    ServiceFactory(name="Comedor San José", location__municipality="Tapachula")
    listing = visitor.get("/es/buscar-ayuda/")
    assert listing[STATE] == "miss"
    assert "Comedor San José" in listing.content.decode()


def test_the_api_is_kept_and_refreshed(directory_page, shelter):
    visitor = Client()
    assert visitor.get("/api/hsds/services")[STATE] == "miss"
    assert visitor.get("/api/hsds/services")[STATE] == "hit"
    shelter.unpublish()
    fresh = visitor.get("/api/hsds/services").json()
    assert fresh["total_items"] == 0


def test_someone_logged_in_never_gets_or_leaves_a_kept_page(
    client, directory_page, shelter, admin_user
):
    client.force_login(admin_user)
    response = client.get(SERVICE)
    assert STATE not in response
    assert Client().get(SERVICE)[STATE] == "miss"
